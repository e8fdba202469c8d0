using System.Linq.Expressions;
using System.Reflection;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// DynamoDB-specific query options: index, read consistency, parallel scans, transactional reads, expired items, and
/// pages.
/// </summary>
public static class DynamoDbQueryableExtensions
{
    internal static readonly MethodInfo WithIndexMethod = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(WithIndex))!;
    internal static readonly MethodInfo WithConsistentReadMethod = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(WithConsistentRead))!;
    internal static readonly MethodInfo WithParallelScanMethod = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(WithParallelScan))!;
    internal static readonly MethodInfo ExcludeExpiredItemsMethod = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(ExcludeExpiredItems))!;
    internal static readonly MethodInfo WithTransactionalReadMethod = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(WithTransactionalRead))!;
    internal static readonly MethodInfo WithPageMethod = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(WithPage), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Reads from this secondary index. The query must compare the index's partition key with <c>==</c>, and the
    /// index must hold every attribute the query reads. Without this call, the provider picks an index itself.
    /// </summary>
    public static IQueryable<TEntity> WithIndex<TEntity>(this IQueryable<TEntity> source, [NotParameterized] string indexName)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(indexName);
        return Apply(source, WithIndexMethod.MakeGenericMethod(typeof(TEntity)), Expression.Constant(indexName));
    }

    /// <summary>Reads with strong consistency (ConsistentRead); an error on a global secondary index, which cannot.</summary>
    public static IQueryable<TEntity> WithConsistentRead<TEntity>(this IQueryable<TEntity> source)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(source);
        return Apply(source, WithConsistentReadMethod.MakeGenericMethod(typeof(TEntity)));
    }

    /// <summary>Scans in this many segments read concurrently (Segment/TotalSegments), when the query is a Scan.</summary>
    public static IQueryable<TEntity> WithParallelScan<TEntity>(this IQueryable<TEntity> source, [NotParameterized] int segments)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(source);
        if (segments is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(segments), segments, DynamoDbStrings.InvalidSegmentCount(segments));
        }

        return Apply(source, WithParallelScanMethod.MakeGenericMethod(typeof(TEntity)), Expression.Constant(segments));
    }

    /// <summary>
    /// Leaves out the items whose time to live has passed but which DynamoDB has not deleted yet (it deletes them
    /// lazily, within days): the filter <c>ttl &gt; :now OR attribute_not_exists(ttl)</c> of the context option
    /// <c>UseDynamoDb(o =&gt; o.ExcludeExpiredItems())</c>, for this query. The entity type must have a time to live
    /// (<c>HasTimeToLive</c>).
    /// </summary>
    public static IQueryable<TEntity> ExcludeExpiredItems<TEntity>(this IQueryable<TEntity> source)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(source);
        return Apply(source, ExcludeExpiredItemsMethod.MakeGenericMethod(typeof(TEntity)));
    }

    /// <summary>
    /// Reads the items as one serializable snapshot with TransactGetItems: no write, transactional or not, is seen
    /// half done across them. The query must name whole keys — <c>keys.Contains(e.Id)</c> (and the partition and sort
    /// key analog), or <c>==</c> on the whole key — and nothing else; at most 100 keys. A read DynamoDB cancels (a
    /// transaction writing one of the items at the same time, after the execution strategy's retries) is an
    /// <see cref="InvalidOperationException" /> naming the entity type and DynamoDB's reasons.
    /// </summary>
    public static IQueryable<TEntity> WithTransactionalRead<TEntity>(this IQueryable<TEntity> source)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(source);
        return Apply(source, WithTransactionalReadMethod.MakeGenericMethod(typeof(TEntity)));
    }

    /// <summary>
    /// Reads one page of up to <paramref name="pageSize" /> matching items, continuing after
    /// <paramref name="continuationToken" /> (null for the first page). The page's token continues the query; it is
    /// null when no items are left. Tokens are opaque and bound to the query's table and index.
    /// </summary>
    public static async Task<DynamoDbPage<TSource>> ToPageAsync<TSource>(
        this IQueryable<TSource> source,
        int pageSize,
        string? continuationToken,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        var pageRequest = new DynamoDbPageRequest(pageSize, continuationToken);
        var box = new PageRequestBox(pageRequest);

        // A member access on a constant becomes a query parameter, so every page reuses one compiled query.
        var paged = source.Provider.CreateQuery<TSource>(
            Expression.Call(
                WithPageMethod.MakeGenericMethod(typeof(TSource)),
                source.Expression,
                Expression.Field(Expression.Constant(box), nameof(PageRequestBox.Request))));
        var values = await paged.ToListAsync(cancellationToken).ConfigureAwait(false);
        return new DynamoDbPage<TSource>(values, pageRequest.NextContinuationToken);
    }

    // The marker ToPageAsync puts into the query; the query pipeline removes it and reads its page request.
    private static IQueryable<TSource> WithPage<TSource>(IQueryable<TSource> source, DynamoDbPageRequest pageRequest)
        => throw new InvalidOperationException(DynamoDbStrings.FunctionOnClient(nameof(ToPageAsync)));

    private static IQueryable<TEntity> Apply<TEntity>(IQueryable<TEntity> source, MethodInfo method, params Expression[] arguments)
        => source.Provider is EntityQueryProvider
            ? source.Provider.CreateQuery<TEntity>(Expression.Call(method, [source.Expression, .. arguments]))
            : source;

    private sealed class PageRequestBox(DynamoDbPageRequest request)
    {
        public readonly DynamoDbPageRequest Request = request;
    }
}
