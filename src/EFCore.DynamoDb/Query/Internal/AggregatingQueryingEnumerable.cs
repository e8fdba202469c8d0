using System.Collections;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The one-value result of Count, Any, All, Min, Max, Sum or Average: the reduction of a querying enumerable's
/// results, computed when enumerated (EF's Single/SingleAsync then takes the value).
/// </summary>
public sealed class AggregatingQueryingEnumerable<TSource, TResult>(
    DynamoDbQueryingEnumerable<TSource> source,
    Func<DynamoDbQueryingEnumerable<TSource>, CancellationToken, Task<TResult>> aggregate)
    : IAsyncEnumerable<TResult>, IEnumerable<TResult>, IQueryingEnumerable
{
    /// <inheritdoc />
    public string ToQueryString() => source.ToQueryString();

    /// <inheritdoc />
    public async IAsyncEnumerator<TResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        yield return await aggregate(source, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IEnumerator<TResult> GetEnumerator()
    {
        source.LogSyncNotSupported();
        yield return aggregate(source, CancellationToken.None).GetAwaiter().GetResult();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
