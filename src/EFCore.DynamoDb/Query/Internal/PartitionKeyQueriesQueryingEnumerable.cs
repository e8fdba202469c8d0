using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The result of a Query per partition key value (an IN on the partition key of a table with a sort key, or of a
/// secondary index: the dependents of several principals looked up by foreign key). One Query per distinct value, at
/// most <see cref="MaxConcurrentQueries" /> in flight, each paged through LastEvaluatedKey (<see cref="QueryPageReader" />);
/// the items come back value by value, in the order the values were given, each partition's in its key order.
/// Stopping early cancels the Queries still reading.
/// </summary>
public sealed class PartitionKeyQueriesQueryingEnumerable<T>(DynamoDbQueryContext queryContext, CompiledDynamoDbQuery<T> compiledQuery)
    : DynamoDbQueryingEnumerable<T>(queryContext, compiledQuery)
{
    /// <summary>
    /// The most Queries in flight at once: enough to hide the latency of one request behind the others, few enough
    /// not to throttle a table with many principals.
    /// </summary>
    public const int MaxConcurrentQueries = 8;

    /// <inheritdoc />
    protected override IEnumerable<AmazonWebServiceRequest> CreateFirstRequests(RowWindow window)
        => RequestBuilder.CreatePartitionKeyQueryRequests(QueryContext, window);

    /// <inheritdoc />
    protected override async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        RowWindow window,
        Dictionary<string, AttributeValue>? startKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (window.ItemsNeeded == 0)
        {
            yield break;
        }

        // Every item a partition returns is a result when nothing is dropped after the read: a partition that alone
        // holds the items the window needs is read no further.
        var query = RequestBuilder.Query;
        var enough = query.ClientFilter is null && !query.IsDistinct && !query.OrdersOnClient ? window.ItemsNeeded : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(MaxConcurrentQueries);
        var reads = RequestBuilder.CreatePartitionKeyQueryRequests(QueryContext, window)
            .Select(request => ReadPartitionAsync(request, enough, slots, stop.Token))
            .ToList();
        try
        {
            foreach (var read in reads)
            {
                foreach (var item in await read.ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            // The reads not awaited (the consumer stopped early) are cancelled; their outcome no longer matters.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(reads).ContinueWith(
                static t => _ = t.Exception,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task<List<Dictionary<string, AttributeValue>>> ReadPartitionAsync(
        QueryRequest request,
        int? enough,
        SemaphoreSlim slots,
        CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await QueryPageReader.ReadAllAsync(QueryContext, request, enough, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }
}
