using System.Runtime.CompilerServices;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Bulk writes on a <see cref="DbSet{TEntity}" />: BatchWriteItem requests of 25 writes, sent concurrently (at most
/// <c>MaxConcurrentWrites</c> in flight), the writes DynamoDB leaves unprocessed sent again with exponential backoff
/// and jitter (Dynamoose/Dynamode <c>batchPut</c>/<c>batchDelete</c>). The writes are unconditional and not atomic,
/// and the entities are not tracked.
/// </summary>
public static class DynamoDbDbSetExtensions
{
    /// <summary>
    /// Writes each entity's whole item, exactly as SaveChanges writes an added entity (converters, embedded owned and
    /// complex types, discriminator, key prefixes, timestamps; an unset Guid key is generated into the entity), but
    /// without a condition: an existing item with the same key is overwritten. The entities are not tracked. Two
    /// entities with the same key, a null or empty key, or an entity of another type fail the call before anything is
    /// sent.
    /// </summary>
    /// <param name="set">The DbSet of the entities' type.</param>
    /// <param name="entities">The entities to write.</param>
    /// <param name="cancellationToken">Cancels the writes not yet made, including while waiting to retry.</param>
    /// <exception cref="DynamoDbBatchWriteException">
    /// Some writes were not made; the others were, and stay made. <see cref="DynamoDbBatchWriteException.UnprocessedItems" />
    /// lists the entities not written.
    /// </exception>
    public static Task BatchPutAsync<TEntity>(this DbSet<TEntity> set, IEnumerable<TEntity> entities, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entities);
        return Writer(set).PutAsync(typeof(TEntity), entities, cancellationToken);
    }

    /// <summary>
    /// Deletes the item of each entity, addressed by its key values (converted as SaveChanges' delete converts them),
    /// without a condition: a key with no item is no error. The entities are not tracked, and tracked ones stay as
    /// they are.
    /// </summary>
    /// <param name="set">The DbSet of the entities' type.</param>
    /// <param name="entities">The entities whose items to delete.</param>
    /// <param name="cancellationToken">Cancels the deletes not yet made, including while waiting to retry.</param>
    /// <exception cref="DynamoDbBatchWriteException">
    /// Some deletes were not made; the others were. <see cref="DynamoDbBatchWriteException.UnprocessedItems" /> lists the
    /// entities whose items were not deleted.
    /// </exception>
    // Preferred over the partition-key overload, which a collection of entities would match as well.
    [OverloadResolutionPriority(1)]
    public static Task BatchDeleteAsync<TEntity>(this DbSet<TEntity> set, IEnumerable<TEntity> entities, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entities);
        return Writer(set).DeleteAsync(typeof(TEntity), entities, cancellationToken);
    }

    /// <summary>
    /// Deletes the items with these keys, each given as the values of the primary key's properties in order (the
    /// partition key, then the sort key), as for <c>FindAsync</c>, without a condition: a key with no item is no error.
    /// </summary>
    /// <param name="set">The DbSet of the items' entity type.</param>
    /// <param name="keyValues">One array of key values per item.</param>
    /// <param name="cancellationToken">Cancels the deletes not yet made, including while waiting to retry.</param>
    /// <exception cref="DynamoDbBatchWriteException">
    /// Some deletes were not made; the others were. <see cref="DynamoDbBatchWriteException.UnprocessedItems" /> lists the
    /// key arrays not deleted.
    /// </exception>
    public static Task BatchDeleteAsync<TEntity>(this DbSet<TEntity> set, IEnumerable<object?[]> keyValues, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(keyValues);
        return Writer(set).DeleteByKeyAsync(typeof(TEntity), keyValues, cancellationToken);
    }

    /// <summary>
    /// Deletes the items with these partition key values, for an entity type whose key is its partition key alone,
    /// without a condition: a key with no item is no error. For a partition key and a sort key, pass
    /// <c>object[]</c> keys instead.
    /// </summary>
    /// <param name="set">The DbSet of the items' entity type.</param>
    /// <param name="partitionKeyValues">The partition key value of each item.</param>
    /// <param name="cancellationToken">Cancels the deletes not yet made, including while waiting to retry.</param>
    /// <exception cref="DynamoDbBatchWriteException">
    /// Some deletes were not made; the others were. <see cref="DynamoDbBatchWriteException.UnprocessedItems" /> lists the
    /// key values not deleted.
    /// </exception>
    public static Task BatchDeleteAsync<TEntity, TKey>(this DbSet<TEntity> set, IEnumerable<TKey> partitionKeyValues, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(partitionKeyValues);
        return Writer(set).DeleteByPartitionKeyAsync(typeof(TEntity), partitionKeyValues, cancellationToken);
    }

    private static DynamoDbBatchWriter Writer<TEntity>(DbSet<TEntity> set)
        where TEntity : class
        => set.GetService<DynamoDbBatchWriter>();
}
