using System.Collections;
using EFCore.DynamoDb.Query.Internal.Lookups;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace EFCore.DynamoDb.Query.Internal.ClientOperators;

/// <summary>
/// The result of a query whose last operators run on the client: each DynamoDB read is sent as it would be without
/// them (its own requests, paging, access path), in order, and the operators, compiled once per query shape, run
/// over the reads' shaped results with LINQ-to-Objects semantics. A lookup read is sent after the reads before it,
/// for the keys their results hold (<see cref="LookupStage" />).
/// </summary>
public sealed class ClientOperatorsQueryingEnumerable<T>(
    QueryContext queryContext,
    IClientOperatorSource[] sources,
    Func<QueryContext, object[], IEnumerable<T>> operators,
    string operatorNames,
    LookupStage?[] lookups)
    : IAsyncEnumerable<T>, IEnumerable<T>, IQueryingEnumerable
{
    /// <inheritdoc />
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        foreach (var result in operators(queryContext, await ReadSourcesAsync(cancellationToken).ConfigureAwait(false)))
        {
            yield return result;
        }
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        sources[0].LogSyncNotSupported();
        return operators(queryContext, ReadSourcesAsync(CancellationToken.None).GetAwaiter().GetResult()).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public string ToQueryString()
        => string.Join(Environment.NewLine, sources.Select((s, i) => lookups[i] is { } lookup
                ? lookup.Describe(queryContext) + Environment.NewLine + s.ToQueryString()
                : s.ToQueryString()))
            + Environment.NewLine + "-- Then on the client, over the results: " + operatorNames;

    private async Task<object[]> ReadSourcesAsync(CancellationToken cancellationToken)
    {
        var results = new object[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            results[i] = lookups[i] is { } lookup && !lookup.PrepareRead(queryContext, results)
                ? sources[i].Empty
                : await sources[i].ReadAllAsync(cancellationToken).ConfigureAwait(false);
        }

        return results;
    }
}
