using System.Globalization;
using Amazon.DynamoDBv2;
using EFCore.DynamoDb.Properties;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Says which endpoint a request could not reach. The SDK reports a refused connection, an unknown host or a
/// connection that timed out with the HTTP stack's bare message, which names neither the configuration to check nor
/// the timeout that ended the wait.
/// </summary>
public static class DynamoDbEndpointFailure
{
    /// <summary>
    /// A failure of the same type as <paramref name="exception" /> (so that handlers of it still catch it) whose
    /// message names the operation, the endpoint and the connect timeout; null when the exception is not a failure to
    /// reach the endpoint, or when the caller cancelled.
    /// </summary>
    public static Exception? Describe(string operation, Exception exception, IAmazonDynamoDB client, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return exception switch
        {
            HttpRequestException
            {
                HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
                    or HttpRequestError.ProxyTunnelError,
            } http => new HttpRequestException(http.HttpRequestError, Message(operation, http, client), http, http.StatusCode),
            // The SDK's report of a connection attempt that outlasted ConnectTimeout.
            TimeoutException timeout => new TimeoutException(Message(operation, timeout, client), timeout),
            _ => null,
        };
    }

    private static string Message(string operation, Exception exception, IAmazonDynamoDB client)
    {
        var config = client.Config;
        var endpoint = config.ServiceURL is { } serviceUrl
            ? $"'{serviceUrl.TrimEnd('/')}'"
            : config.RegionEndpoint is { } region ? $"the AWS endpoint of region '{region.SystemName}'" : "the AWS endpoint";
        var connectTimeout = config.ConnectTimeout is { } timeout
            ? string.Create(CultureInfo.InvariantCulture, $"after {timeout.TotalSeconds:0.###} s")
            : "only when the operating system does";
        // The HTTP stack's messages end without a full stop; the text goes on after it.
        var error = exception.Message.EndsWith('.') ? exception.Message : exception.Message + ".";
        return DynamoDbStrings.EndpointUnreachable(operation, endpoint, error, connectTimeout);
    }
}
