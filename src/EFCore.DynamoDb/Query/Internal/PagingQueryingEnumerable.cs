using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The result of a Query or Scan: pages through LastEvaluatedKey, requesting the next page only when the consumer
/// needs more items than the pages read so far held. A page that fails transiently is read again through the
/// execution strategy, from the same start key, so no item is returned twice. A parallel scan reads its segments
/// concurrently.
/// </summary>
public sealed class PagingQueryingEnumerable<T>(DynamoDbQueryContext queryContext, CompiledDynamoDbQuery<T> compiledQuery)
    : DynamoDbQueryingEnumerable<T>(queryContext, compiledQuery)
{
    private delegate Task<(List<Dictionary<string, AttributeValue>>? Items, int? Count, Dictionary<string, AttributeValue>? LastKey)> PageReader(
        Dictionary<string, AttributeValue>? startKey,
        CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override IEnumerable<AmazonWebServiceRequest> CreateFirstRequests(RowWindow window)
    {
        if (RequestBuilder.AccessPath == DynamoDbAccessPath.Query && !RequestBuilder.ScansTableInstead(QueryContext))
        {
            return RequestBuilder.CreateQueryRequest(QueryContext, window) is { } query ? [query] : [];
        }

        return RequestBuilder.Query.ParallelScanSegments is { } segments
            ? Enumerable.Range(0, segments).Select(s => RequestBuilder.CreateScanRequest(QueryContext, window, segment: s))
            : [RequestBuilder.CreateScanRequest(QueryContext, window)];
    }

    /// <inheritdoc />
    public override async Task<long> CountAsync(long stopAt, CancellationToken cancellationToken)
    {
        var query = RequestBuilder.Query;
        if (query.MatchesNothing || query.RowLimits.Count > 0 || query.IsDistinct || query.ClientFilter is not null || query.ParallelScanSegments is not null)
        {
            return await base.CountAsync(stopAt, cancellationToken).ConfigureAwait(false);
        }

        // Counting sends requests on the context like enumerating does: a second operation on it meanwhile is EF's error.
        using var criticalSection = ConcurrencyDetector?.EnterCriticalSection();
        QueryContext.InitializeStateManager(standAlone: false);
        if (CreatePageReader(RowWindow.Evaluate([], QueryContext), count: true, segment: null) is not { } readPage)
        {
            return 0;
        }

        var total = 0L;
        Dictionary<string, AttributeValue>? lastKey = null;
        do
        {
            (_, var count, lastKey) = await readPage(lastKey, cancellationToken).ConfigureAwait(false);
            total += count ?? 0;
        }
        while (total < stopAt && lastKey is { Count: > 0 });

        return total;
    }

    /// <inheritdoc />
    protected override IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        RowWindow window,
        Dictionary<string, AttributeValue>? startKey,
        CancellationToken cancellationToken)
        => window.ItemsNeeded == 0
            ? AsyncEnumerable.Empty<Dictionary<string, AttributeValue>>()
            : RequestBuilder.Query.ParallelScanSegments is { } segments
                ? ReadSegmentsAsync(window, segments, cancellationToken)
                : ReadPagesAsync(CreatePageReader(window, count: false, segment: null), startKey, cancellationToken);

    private static async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadPagesAsync(
        PageReader? readPage,
        Dictionary<string, AttributeValue>? startKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (readPage is null)
        {
            yield break;
        }

        var lastKey = startKey;
        do
        {
            (var items, _, lastKey) = await readPage(lastKey, cancellationToken).ConfigureAwait(false);
            foreach (var item in items ?? [])
            {
                yield return item;
            }
        }
        while (lastKey is { Count: > 0 });
    }

    // Each segment pages on its own task into one channel; stopping early cancels the segments still reading.
    private async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadSegmentsAsync(
        RowWindow window,
        int segments,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<Dictionary<string, AttributeValue>>(new BoundedChannelOptions(1000) { SingleReader = true });
        var readers = Enumerable.Range(0, segments)
            .Select(async segment =>
            {
                await foreach (var item in ReadPagesAsync(CreatePageReader(window, count: false, segment), null, stop.Token).ConfigureAwait(false))
                {
                    await channel.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                }
            })
            .ToList();
        var completion = Task.WhenAll(readers).ContinueWith(
            t => channel.Writer.TryComplete(t.Exception?.GetBaseException()),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await completion.ConfigureAwait(false);
        }
    }

    private PageReader? CreatePageReader(RowWindow window, bool count, int? segment)
    {
        var client = QueryContext.Client;
        var retrier = QueryContext.Retrier;
        if (RequestBuilder.ScansTableInstead(QueryContext))
        {
            QueryContext.QueryLogger.ScanQueryWarning(RequestBuilder.Query.EntityType.DisplayName(), RequestBuilder.TableName);
        }
        else if (RequestBuilder.AccessPath == DynamoDbAccessPath.Query)
        {
            if (RequestBuilder.CreateQueryRequest(QueryContext, window, count) is not { } query)
            {
                return null;
            }

            return async (startKey, ct) =>
            {
                query.ExclusiveStartKey = startKey;
                var response = await retrier.ExecuteAsync(t => client.QueryAsync(query, t), ct).ConfigureAwait(false);
                return (response.Items, response.Count, response.LastEvaluatedKey);
            };
        }

        var scan = RequestBuilder.CreateScanRequest(QueryContext, window, count, segment);
        return async (startKey, ct) =>
        {
            scan.ExclusiveStartKey = startKey;
            var response = await retrier.ExecuteAsync(t => client.ScanAsync(scan, t), ct).ConfigureAwait(false);
            return (response.Items, response.Count, response.LastEvaluatedKey);
        };
    }
}
