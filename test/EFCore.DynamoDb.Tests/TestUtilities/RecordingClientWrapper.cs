using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>
/// The provider's client wrapper with its read operations and BatchWriteItem replaced: each request is recorded and
/// answered from <see cref="Respond" /> (by default an empty result) or <see cref="UnprocessedItems" />, so a test can
/// execute a scalar query (Count, First, Max…), whose requests <c>ToQueryString</c> cannot show, or a batch write,
/// without sending anything. UpdateItem and DeleteItem are recorded too, and succeed unless
/// <see cref="ConditionFails" /> says their condition fails.
/// </summary>
public sealed class RecordingClientWrapper(
    ISingletonDynamoDbClient singletonClient,
    IDiagnosticsLogger<DbLoggerCategory.Database.Command> commandLogger)
    : DynamoDbClientWrapper(singletonClient, commandLogger)
{
    private int _batchWritesInFlight;

    /// <summary>The read requests (and BatchWriteItem requests) in the order the provider made them.</summary>
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

    /// <summary>The UnprocessedItems each BatchWriteItem answers with (by default none: every write is made).</summary>
    public Func<BatchWriteItemRequest, Dictionary<string, List<WriteRequest>>?> UnprocessedItems { get; set; } = _ => null;

    /// <summary>The failure each BatchWriteItem throws instead of answering (none by default).</summary>
    public Func<BatchWriteItemRequest, Exception?> BatchWriteFails { get; set; } = _ => null;

    /// <summary>How long each BatchWriteItem takes to answer (none by default).</summary>
    public TimeSpan BatchWriteLatency { get; set; }

    /// <summary>The most BatchWriteItem requests that were in flight at once.</summary>
    public int MaxBatchWritesInFlight { get; private set; }

    /// <inheritdoc />
    public override async Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken)
    {
        Record(request);
        lock (Requests)
        {
            MaxBatchWritesInFlight = Math.Max(MaxBatchWritesInFlight, ++_batchWritesInFlight);
        }

        try
        {
            await Task.Delay(BatchWriteLatency, cancellationToken);
            if (BatchWriteFails(request) is { } failure)
            {
                throw failure;
            }

            return new BatchWriteItemResponse { UnprocessedItems = UnprocessedItems(request) };
        }
        finally
        {
            lock (Requests)
            {
                _batchWritesInFlight--;
            }
        }
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
