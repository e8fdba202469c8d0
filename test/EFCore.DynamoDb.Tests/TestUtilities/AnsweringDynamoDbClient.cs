using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>
/// An <see cref="IAmazonDynamoDB" /> that records every request it is given and answers each asynchronous call with
/// an empty response of the call's type, without a network: shows the requests exactly as the provider's client
/// wrapper hands them to the SDK.
/// </summary>
public class AnsweringDynamoDbClient : DispatchProxy
{
    private readonly List<AmazonWebServiceRequest> _requests = [];

    /// <summary>The requests received, in order.</summary>
    public IReadOnlyList<AmazonWebServiceRequest> Requests => _requests;

    /// <summary>Creates a client.</summary>
    public static (IAmazonDynamoDB Client, AnsweringDynamoDbClient Recorder) Create()
    {
        var client = Create<IAmazonDynamoDB, AnsweringDynamoDbClient>();
        return (client, (AnsweringDynamoDbClient)(object)client);
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (args?.OfType<AmazonWebServiceRequest>().FirstOrDefault() is { } request)
        {
            _requests.Add(request);
        }

        var returnType = targetMethod!.ReturnType;
        if (!returnType.IsGenericType || returnType.GetGenericTypeDefinition() != typeof(Task<>))
        {
            return returnType.IsValueType && returnType != typeof(void) ? Activator.CreateInstance(returnType) : null;
        }

        var responseType = returnType.GetGenericArguments()[0];
        return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(responseType).Invoke(null, [Activator.CreateInstance(responseType)]);
    }
}
