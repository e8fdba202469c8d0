using System.Collections;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The result of a compiled query. Subclasses read the matching items through their access path; this class
/// sorts them when DynamoDB cannot (buffering them, which an exact ordering needs anyway), shapes each with the
/// materializer compiled for the query, drops duplicates for Distinct, applies Skip/Take, and stops reading as
/// soon as the LINQ result is complete.
/// </summary>
public abstract class DynamoDbQueryingEnumerable<T> : IAsyncEnumerable<T>, IEnumerable<T>, IQueryingEnumerable
{
    private readonly CompiledDynamoDbQuery<T> _compiledQuery;

    /// <summary>Creates the enumerable for one execution of a compiled query.</summary>
    protected DynamoDbQueryingEnumerable(DynamoDbQueryContext queryContext, CompiledDynamoDbQuery<T> compiledQuery)
    {
        QueryContext = queryContext;
        _compiledQuery = compiledQuery;
    }

    /// <summary>The execution's query context.</summary>
    protected DynamoDbQueryContext QueryContext { get; }

    /// <summary>EF's check that a context runs one operation at a time, or null when the context turned it off.</summary>
    protected IConcurrencyDetector? ConcurrencyDetector => _compiledQuery.ThreadSafetyChecksEnabled ? QueryContext.ConcurrencyDetector : null;

    /// <summary>The request builder of the compiled query.</summary>
    protected DynamoDbReadRequestBuilder RequestBuilder => _compiledQuery.RequestBuilder;

    /// <summary>
    /// Reads the matching items, page by page, as the consumer asks for them, starting after
    /// <paramref name="startKey" /> when a page continues an earlier one.
    /// </summary>
    protected abstract IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        RowWindow window,
        Dictionary<string, AttributeValue>? startKey,
        CancellationToken cancellationToken);

    /// <summary>
    /// Where a page of <c>ToPageAsync</c> starts that continues after <paramref name="continuationToken" />: the
    /// ExclusiveStartKey the token holds, by default.
    /// </summary>
    protected virtual Dictionary<string, AttributeValue>? StartAfter(string continuationToken)
        => RequestBuilder.ContinuationTokensFor(QueryContext).Decode(continuationToken);

    /// <summary>The token of a full page that ends with <paramref name="item" />: by default, the item's key.</summary>
    protected virtual string? ContinuationTokenAfter(Dictionary<string, AttributeValue> item)
        => RequestBuilder.ContinuationTokensFor(QueryContext).Encode(item);

    /// <summary>The requests this query sends first, for <see cref="ToQueryString" />.</summary>
    protected abstract IEnumerable<AmazonWebServiceRequest> CreateFirstRequests(RowWindow window);

    /// <summary>
    /// Counts the matching items. The default reads them; a Query or Scan without Skip, Take or Distinct asks
    /// DynamoDB to count instead (Select=COUNT).
    /// </summary>
    public virtual async Task<long> CountAsync(long stopAt, CancellationToken cancellationToken)
    {
        var count = 0L;
        await foreach (var _ in this.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (++count >= stopAt)
            {
                break;
            }
        }

        return count;
    }

    /// <inheritdoc />
    public virtual string ToQueryString()
    {
        var window = RowWindow.Evaluate(RequestBuilder.Query, QueryContext);
        if (window.ItemsNeeded == 0)
        {
            // Each access path reads nothing for such a window.
            return "-- No request: the query asks for no rows (Take with a count of 0 or less), so nothing is read.";
        }

        var requests = CreateFirstRequests(window).ToList();
        if (requests.Count == 0)
        {
            return "-- No request: a key value is null or no key is given, so no item can match.";
        }

        var text = string.Join(
            Environment.NewLine,
            requests.Select(r => DynamoDbRequestJsonWriter.Write(r, indented: true, redactValues: !QueryContext.QueryLogger.ShouldLogSensitiveData())));
        return RequestBuilder.Query.ClientFilter is { } clientFilter
            ? text + Environment.NewLine + (ClientEvaluation.ClientPredicateCondition.IsIn(clientFilter)
                ? "-- Then checked by the provider on each returned item (with what DynamoDB cannot express, evaluated on the client): "
                : "-- Then checked on each returned item (what a key lookup, or a Query filter on its own keys, cannot hold): ") + clientFilter
            : text;
    }

    /// <inheritdoc />
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Enumerator(this, cancellationToken);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        LogSyncNotSupported();
        return new BlockingEnumerator(GetAsyncEnumerator());
    }

    /// <summary>Logs (by default: throws) that the query is being run synchronously.</summary>
    public void LogSyncNotSupported()
        => QueryContext.QueryLogger.SyncNotSupported("ToListAsync, FirstOrDefaultAsync, CountAsync or await foreach");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(DynamoDbQueryingEnumerable<T> owner, CancellationToken cancellationToken) : IAsyncEnumerator<T>
    {
        private readonly IConcurrencyDetector? _concurrencyDetector = owner.ConcurrencyDetector;
        private readonly HashSet<T>? _seen = owner.RequestBuilder.Query.IsDistinct ? [] : null;
        private readonly ItemConditionEvaluator? _clientFilter = owner.RequestBuilder.Query.ClientFilter is null ? null : new ItemConditionEvaluator(owner.QueryContext);
        private IAsyncEnumerator<Dictionary<string, AttributeValue>>? _items;
        private List<Dictionary<string, AttributeValue>>? _sorted;
        private int _sortedPosition;
        private RowWindow _window;
        private int _skipped;
        private int _returned;
        private DynamoDbPageRequest? _pageRequest;

        public T Current { get; private set; } = default!;

        public async ValueTask<bool> MoveNextAsync()
        {
            try
            {
                using var _ = _concurrencyDetector?.EnterCriticalSection();
                if (_items is null)
                {
                    await StartAsync().ConfigureAwait(false);
                }

                while (_window.Limit is not { } limit || _returned < limit)
                {
                    if (!await MoveNextItemAsync().ConfigureAwait(false))
                    {
                        return false;
                    }

                    var item = _sorted is null ? _items!.Current : _sorted[_sortedPosition - 1];
                    var result = owner._compiledQuery.Shaper(owner.QueryContext, item);
                    if (_seen is not null && !_seen.Add(result))
                    {
                        continue;
                    }

                    if (_skipped < _window.Offset)
                    {
                        _skipped++;
                        continue;
                    }

                    Current = result;
                    _returned++;
                    if (_pageRequest is not null)
                    {
                        // A full page of a Query or Scan continues after its last item; the next page may turn out empty.
                        // A GetItem's single item is the whole result.
                        _pageRequest.NextContinuationToken = _returned == _window.Limit && owner.RequestBuilder.AccessPath != DynamoDbAccessPath.GetItem
                            ? owner.ContinuationTokenAfter(item)
                            : null;
                    }

                    return true;
                }

                return false;
            }
            catch (Exception exception)
            {
                // EF's events: a cancelled query is QueryCanceled, not a failure (as in EF's other providers).
                if (owner.QueryContext.ExceptionDetector.IsCancellation(exception, cancellationToken))
                {
                    owner.QueryContext.QueryLogger.QueryCanceled(owner._compiledQuery.ContextType);
                }
                else
                {
                    owner.QueryContext.QueryLogger.QueryIterationFailed(owner._compiledQuery.ContextType, exception);
                }

                throw;
            }
        }

        public ValueTask DisposeAsync() => _items?.DisposeAsync() ?? default;

        // The first MoveNextAsync: the window of this execution (and its page), the items through the access path
        // and the client-side checks, and, when DynamoDB cannot give the order, all of them sorted.
        private async Task StartAsync()
        {
            var query = owner.RequestBuilder.Query;
            owner.QueryContext.InitializeStateManager(owner._compiledQuery.StandAloneStateManager);
            _window = RowWindow.Evaluate(query, owner.QueryContext);
            Dictionary<string, AttributeValue>? startKey = null;
            if (query.PageRequestParameterName is { } pageParameter)
            {
                _pageRequest = (DynamoDbPageRequest)owner.QueryContext.Parameters[pageParameter]!;
                _window = _window with { Limit = Math.Min(_window.Limit ?? int.MaxValue, _pageRequest.PageSize) };
                startKey = _pageRequest.ContinuationToken is { } token ? owner.StartAfter(token) : null;
            }

            _items = owner.ReadItemsAsync(_window, startKey, cancellationToken).GetAsyncEnumerator(cancellationToken);
            if (_clientFilter is not null)
            {
                _items = Where(_items, _clientFilter, query.ClientFilter!);
            }

            // A query the provider answers from an index is sorted here only when it scans the table instead.
            if (owner._compiledQuery.ClientOrdering is { } ordering
                && (query.OrdersOnClient || owner.RequestBuilder.ScansTableInstead(owner.QueryContext)))
            {
                if (_pageRequest is not null)
                {
                    throw new InvalidOperationException(DynamoDbStrings.PageNeedsDynamoDbOrder);
                }

                var items = new List<Dictionary<string, AttributeValue>>();
                while (await _items.MoveNextAsync().ConfigureAwait(false))
                {
                    items.Add(_items.Current);
                }

                _sorted = ordering.Sort(items);
            }
        }

        private static async IAsyncEnumerator<Dictionary<string, AttributeValue>> Where(
            IAsyncEnumerator<Dictionary<string, AttributeValue>> items,
            ItemConditionEvaluator evaluator,
            DynamoDbCondition condition)
        {
            await using (items.ConfigureAwait(false))
            {
                while (await items.MoveNextAsync().ConfigureAwait(false))
                {
                    if (evaluator.Matches(condition, items.Current))
                    {
                        yield return items.Current;
                    }
                }
            }
        }

        private async ValueTask<bool> MoveNextItemAsync()
        {
            if (_sorted is not null)
            {
                return _sortedPosition++ < _sorted.Count;
            }

            return await _items!.MoveNextAsync().ConfigureAwait(false);
        }
    }

    // Used only when the user downgraded SyncNotSupported and so accepted blocking on the asynchronous SDK.
    private sealed class BlockingEnumerator(IAsyncEnumerator<T> inner) : IEnumerator<T>
    {
        public T Current => inner.Current;

        object? IEnumerator.Current => Current;

        public bool MoveNext() => inner.MoveNextAsync().AsTask().GetAwaiter().GetResult();

        public void Reset() => throw new NotSupportedException();

        public void Dispose() => inner.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
