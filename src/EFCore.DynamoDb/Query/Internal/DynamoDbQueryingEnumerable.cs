using System.Collections;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The result of a compiled query: reads items through its access path, shapes each with the materializer
/// compiled for the query, and stops as soon as the LINQ result is complete. Subclasses say how items are read.
/// </summary>
public abstract class DynamoDbQueryingEnumerable<T> : IAsyncEnumerable<T>, IEnumerable<T>, IQueryingEnumerable
{
    private readonly DynamoDbQueryContext _queryContext;
    private readonly Func<QueryContext, Dictionary<string, AttributeValue>, T> _shaper;
    private readonly Type _contextType;
    private readonly bool _standAloneStateManager;
    private readonly bool _threadSafetyChecksEnabled;

    /// <summary>Creates the enumerable for one execution.</summary>
    protected DynamoDbQueryingEnumerable(
        DynamoDbQueryContext queryContext,
        DynamoDbReadRequestBuilder requestBuilder,
        Func<QueryContext, Dictionary<string, AttributeValue>, T> shaper,
        Type contextType,
        bool standAloneStateManager,
        bool threadSafetyChecksEnabled)
    {
        _queryContext = queryContext;
        RequestBuilder = requestBuilder;
        _shaper = shaper;
        _contextType = contextType;
        _standAloneStateManager = standAloneStateManager;
        _threadSafetyChecksEnabled = threadSafetyChecksEnabled;
    }

    /// <summary>The request builder of the compiled query.</summary>
    protected DynamoDbReadRequestBuilder RequestBuilder { get; }

    /// <summary>Reads the matching items, page by page, as the consumer asks for them.</summary>
    protected abstract IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(DynamoDbQueryContext queryContext, CancellationToken cancellationToken);

    /// <summary>The first request this query sends, for <see cref="ToQueryString" />.</summary>
    protected abstract Amazon.Runtime.AmazonWebServiceRequest? CreateFirstRequest(DynamoDbQueryContext queryContext);

    /// <inheritdoc />
    public virtual string ToQueryString()
        => CreateFirstRequest(_queryContext) is { } request
            ? EFCore.DynamoDb.Storage.Internal.DynamoDbRequestJsonWriter.Write(request, indented: true)
            : "-- No request: a key value is null, so no item can match.";

    /// <inheritdoc />
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => new Enumerator(this, cancellationToken);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        _queryContext.QueryLogger.SyncNotSupported("ToListAsync, FirstOrDefaultAsync or await foreach");
        return new BlockingEnumerator(GetAsyncEnumerator());
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(DynamoDbQueryingEnumerable<T> owner, CancellationToken cancellationToken) : IAsyncEnumerator<T>
    {
        private readonly IConcurrencyDetector? _concurrencyDetector = owner._threadSafetyChecksEnabled ? owner._queryContext.ConcurrencyDetector : null;
        private IAsyncEnumerator<Dictionary<string, AttributeValue>>? _items;
        private int _count;

        public T Current { get; private set; } = default!;

        public async ValueTask<bool> MoveNextAsync()
        {
            try
            {
                using var _ = _concurrencyDetector?.EnterCriticalSection();
                if (_items is null)
                {
                    owner._queryContext.InitializeStateManager(owner._standAloneStateManager);
                    _items = owner.ReadItemsAsync(owner._queryContext, cancellationToken).GetAsyncEnumerator(cancellationToken);
                }

                if (owner.RequestBuilder.ResultLimit is { } limit && _count >= limit)
                {
                    return false;
                }

                if (!await _items.MoveNextAsync().ConfigureAwait(false))
                {
                    return false;
                }

                Current = owner._shaper(owner._queryContext, _items.Current);
                _count++;
                return true;
            }
            catch (Exception exception)
            {
                owner._queryContext.QueryLogger.QueryIterationFailed(owner._contextType, exception);
                throw;
            }
        }

        public ValueTask DisposeAsync() => _items?.DisposeAsync() ?? default;
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
