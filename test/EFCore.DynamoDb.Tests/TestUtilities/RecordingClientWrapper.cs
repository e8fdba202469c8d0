using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>
/// The provider's client wrapper with its read operations replaced: each request is recorded and answered from
/// <see cref="Respond" /> (by default an empty result), so a test can execute a scalar query (Count, First, Max…),
/// whose requests <c>ToQueryString</c> cannot show, without sending anything. UpdateItem and DeleteItem are recorded
/// too, and succeed unless <see cref="ConditionFails" /> says their condition fails.
/// </summary>
public sealed class RecordingClientWrapper(
    ISingletonDynamoDbClient singletonClient,
    IDiagnosticsLogger<DbLoggerCategory.Database.Command> commandLogger)
    : DynamoDbClientWrapper(singletonClient, commandLogger)
{
    /// <summary>The read requests in the order the provider made them.</summary>
    public List<AmazonWebServiceRequest> Requests { get; } = [];

    /// <summary>The items each Query, Scan or GetItem answers with (none by default).</summary>
    public Func<AmazonWebServiceRequest, List<Dictionary<string, AttributeValue>>> Respond { get; set; } = _ => [];

    /// <summary>Whether an UpdateItem or DeleteItem fails its condition (never by default).</summary>
    public Func<AmazonWebServiceRequest, bool> ConditionFails { get; set; } = _ => false;

    /// <summary>Awaited by each UpdateItem or DeleteItem before it answers (nothing by default): a slow server.</summary>
    public Func<AmazonWebServiceRequest, Task> WriteLatency { get; set; } = _ => Task.CompletedTask;

    /// <summary>The wrapper of a context created with <see cref="Use" />.</summary>
    public static RecordingClientWrapper Of(DbContext context) => (RecordingClientWrapper)context.GetService<IDynamoDbClientWrapper>();

    /// <summary>Makes a context record its reads instead of sending them.</summary>
    public static void Use(DbContextOptionsBuilder options) => options.ReplaceService<IDynamoDbClientWrapper, RecordingClientWrapper>();

    /// <inheritdoc />
    public override Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken)
        => Task.FromResult(new GetItemResponse { Item = Record(request).FirstOrDefault() });

    /// <inheritdoc />
    public override Task<BatchGetItemResponse> BatchGetItemAsync(BatchGetItemRequest request, CancellationToken cancellationToken)
        => Task.FromResult(new BatchGetItemResponse
        {
            Responses = new Dictionary<string, List<Dictionary<string, AttributeValue>>> { [request.RequestItems.Keys.Single()] = Record(request) },
        });

    /// <inheritdoc />
    public override Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var items = Record(request);
        return Task.FromResult(new QueryResponse { Items = request.Select == Select.COUNT ? null : items, Count = items.Count });
    }

    /// <inheritdoc />
    public override Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        var items = Record(request);
        return Task.FromResult(new ScanResponse { Items = request.Select == Select.COUNT ? null : items, Count = items.Count });
    }

    /// <inheritdoc />
    public override Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken)
        => RecordWrite(request, new UpdateItemResponse());

    /// <inheritdoc />
    public override Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken)
        => RecordWrite(request, new DeleteItemResponse());

    private async Task<TResponse> RecordWrite<TResponse>(AmazonWebServiceRequest request, TResponse response)
    {
        Record(request);
        await WriteLatency(request);
        return ConditionFails(request) ? throw new ConditionalCheckFailedException("The conditional request failed") : response;
    }

    private List<Dictionary<string, AttributeValue>> Record(AmazonWebServiceRequest request)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        return Respond(request);
    }
}
