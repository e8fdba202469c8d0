using System.Collections;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.CompositeKeys;
using EFCore.DynamoDb.Update.Internal.UniqueIndexes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;
using EFCore.DynamoDb.ValueGeneration.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// <c>BatchPutAsync</c> and <c>BatchDeleteAsync</c>: unconditional writes of untracked entities or keys as
/// BatchWriteItem requests of at most <see cref="MaxWritesPerRequest" /> writes, at most
/// <c>MaxConcurrentWrites</c> requests in flight. A request's UnprocessedItems (and a request throttled or failed on
/// the server as a whole) are sent again after an exponential backoff with full jitter, up to
/// <see cref="MaxAttempts" /> times. Everything is checked before the first request, so a call with a write that
/// cannot be made sends nothing. A put writes exactly the item SaveChanges writes for an Added entity: the write
/// command factory builds it from a detached entry, which only this call holds and the state manager never sees.
/// An entity type with a unique index is refused: BatchWriteItem cannot write or delete its guard items atomically.
/// </summary>
public class DynamoDbBatchWriter(
    IStateManager stateManager,
    DynamoDbWriteCommandFactory commandFactory,
    IDynamoDbClientWrapper client,
    IDynamoDbSingletonOptions options,
    DynamoDbKeyCounterAssigner keyCounters,
    ILoggingOptions loggingOptions,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> infrastructureLogger)
{
    /// <summary>The most writes one BatchWriteItem request may hold.</summary>
    public const int MaxWritesPerRequest = 25;

    /// <summary>How many times a write is sent before it is reported as not written.</summary>
    public const int MaxAttempts = 10;

    private const string PutMethod = "BatchPutAsync";
    private const string DeleteMethod = "BatchDeleteAsync";

    /// <summary>Writes each entity's whole item, overwriting any item with its key.</summary>
    public virtual async Task PutAsync(Type clrType, IEnumerable<object?> entities, CancellationToken cancellationToken)
    {
        var setEntityType = FindEntityType(PutMethod, clrType);
        var now = DateTimeOffset.UtcNow;
        var entries = new List<IUpdateEntry>();
        foreach (var entity in entities)
        {
            var entry = CreateEntry(PutMethod, setEntityType, entity);
            await GenerateValuesAsync(entry, cancellationToken).ConfigureAwait(false);
            entries.Add(entry);
        }

        // Generated integer keys, all from one counter request, written to the entities as SaveChanges writes them.
        await keyCounters.AssignAsync(entries, cancellationToken).ConfigureAwait(false);
        var writes = new List<BatchWrite>(entries.Count);
        foreach (InternalEntityEntry entry in entries)
        {
            var entity = entry.Entity;
            EntityTimestamps.Set(entry, added: true, now);
            var item = commandFactory.CreatePutItem(entry);
            foreach (var property in entry.EntityType.FindPrimaryKey()!.Properties)
            {
                // A null key is no attribute at all (nor, for a null part, the composite sort key); the factory refuses empty ones.
                if (!item.ContainsKey(property.GetAttributeName()))
                {
                    throw new InvalidOperationException(DynamoDbStrings.BatchMissingKeyValue(PutMethod, entry.EntityType.DisplayName(), property.Name));
                }
            }

            writes.Add(new BatchWrite(
                options.ResolveTableName(entry.EntityType),
                new WriteRequest { PutRequest = new PutRequest { Item = item } },
                ItemKeyText.Of(item, setEntityType),
                entity!));
        }

        await WriteAsync(PutMethod, setEntityType, writes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the item of each entity, by its key values.</summary>
    public virtual Task DeleteAsync(Type clrType, IEnumerable<object?> entities, CancellationToken cancellationToken)
    {
        var setEntityType = FindEntityType(DeleteMethod, clrType);
        var writes = new List<BatchWrite>();
        foreach (var entity in entities)
        {
            var entry = CreateEntry(DeleteMethod, setEntityType, entity);
            var keyValues = entry.EntityType.FindPrimaryKey()!.Properties.Select(entry.GetCurrentValue).ToArray();
            writes.Add(CreateDelete(entry.EntityType, keyValues, entity!));
        }

        return WriteAsync(DeleteMethod, setEntityType, writes, cancellationToken);
    }

    /// <summary>Deletes the items with these keys, each the values of the primary key's properties in order.</summary>
    public virtual Task DeleteByKeyAsync(Type clrType, IEnumerable<object?[]?> keys, CancellationToken cancellationToken)
    {
        var setEntityType = FindEntityType(DeleteMethod, clrType);
        var keyProperties = setEntityType.FindPrimaryKey()!.Properties;
        var writes = new List<BatchWrite>();
        foreach (var key in keys)
        {
            if (key is null)
            {
                throw new InvalidOperationException(DynamoDbStrings.BatchNullElement(DeleteMethod, setEntityType.DisplayName()));
            }

            if (key.Length != keyProperties.Count)
            {
                throw new InvalidOperationException(DynamoDbStrings.BatchKeyValueCount(
                    DeleteMethod, setEntityType.DisplayName(), key.Length, string.Join(", ", keyProperties.Select(p => p.Name)), keyProperties.Count));
            }

            writes.Add(CreateDelete(setEntityType, key, key));
        }

        return WriteAsync(DeleteMethod, setEntityType, writes, cancellationToken);
    }

    /// <summary>Deletes the items with these partition key values, for an entity type keyed by its partition key alone.</summary>
    public virtual Task DeleteByPartitionKeyAsync<TKey>(Type clrType, IEnumerable<TKey> partitionKeyValues, CancellationToken cancellationToken)
    {
        var setEntityType = FindEntityType(DeleteMethod, clrType);
        var keyProperties = setEntityType.FindPrimaryKey()!.Properties;
        if (keyProperties.Count != 1)
        {
            throw new InvalidOperationException(DynamoDbStrings.BatchKeyValueCount(
                DeleteMethod, setEntityType.DisplayName(), 1, string.Join(", ", keyProperties.Select(p => p.Name)), keyProperties.Count));
        }

        var writes = new List<BatchWrite>();
        foreach (var value in partitionKeyValues)
        {
            if (value is null)
            {
                throw new InvalidOperationException(DynamoDbStrings.BatchNullElement(DeleteMethod, setEntityType.DisplayName()));
            }

            writes.Add(CreateDelete(setEntityType, [value], value));
        }

        return WriteAsync(DeleteMethod, setEntityType, writes, cancellationToken);
    }

    /// <summary>
    /// How long to wait before sending the writes left over by an attempt (<see cref="DynamoDbBackoff.FullJitter" />).
    /// </summary>
    protected virtual TimeSpan RetryDelay(int attempt) => DynamoDbBackoff.FullJitter(attempt);

    private IEntityType FindEntityType(string method, Type clrType)
    {
        var model = stateManager.Model;
        var entityType = model.FindEntityType(clrType);

        // An owned type owned in several places has no entity type of its own name; look for it by CLR type.
        var ownedType = entityType is { } found
            ? found.IsOwned() ? found : null
            : model.GetEntityTypes().FirstOrDefault(e => e.ClrType == clrType && e.IsOwned());
        if (ownedType is not null)
        {
            throw new InvalidOperationException(
                DynamoDbStrings.BatchOwnedEntityType(method, ownedType.DisplayName(), ownedType.FindOwnership()!.PrincipalEntityType.DisplayName()));
        }

        if (entityType is null)
        {
            throw new InvalidOperationException(CoreStrings.InvalidSetType(clrType.ShortDisplayName()));
        }

        if (UniqueIndexGuardTable.FindUniqueIndexInHierarchy(entityType) is { } uniqueIndex)
        {
            throw new InvalidOperationException(DynamoDbStrings.BatchUniqueIndex(
                method, uniqueIndex.DeclaringEntityType.DisplayName(), UniqueIndexGuardTable.Describe(uniqueIndex)));
        }

        return entityType;
    }

    // A detached entry reads and writes the entity as a tracked one would, but only this call holds it: nothing is
    // added to the state manager, so the entity stays untracked and is not kept after the call.
    private InternalEntityEntry CreateEntry(string method, IEntityType setEntityType, object? entity)
    {
        if (entity is null)
        {
            throw new InvalidOperationException(DynamoDbStrings.BatchNullElement(method, setEntityType.DisplayName()));
        }

        // As Add does: the entity's CLR type, or the type a proxy derives from.
        var entityType = stateManager.Model.FindRuntimeEntityType(entity.GetType());
        if (entityType is null || !setEntityType.IsAssignableFrom(entityType))
        {
            throw new InvalidOperationException(
                DynamoDbStrings.BatchWrongEntityType(method, setEntityType.DisplayName(), entity.GetType().ShortDisplayName()));
        }

        return new InternalEntityEntry(stateManager, entityType, entity);
    }

    // The values Add generates (a Guid key, the discriminator), written to the entity as Add writes them, also in the
    // entities it owns.
    private static async Task GenerateValuesAsync(InternalEntityEntry entry, CancellationToken cancellationToken)
    {
        await entry.StateManager.ValueGenerationManager.GenerateAsync(entry, includePrimaryKey: true, cancellationToken).ConfigureAwait(false);
        foreach (var navigation in entry.EntityType.GetOwnedNavigations())
        {
            if (entry.GetCurrentValue(navigation) is not { } owned)
            {
                continue;
            }

            foreach (var element in navigation.IsCollection ? ((IEnumerable)owned).Cast<object>() : [owned])
            {
                await GenerateValuesAsync(new InternalEntityEntry(entry.StateManager, navigation.TargetEntityType, element), cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    private BatchWrite CreateDelete(IEntityType entityType, IReadOnlyList<object?> keyValues, object source)
    {
        var keyProperties = entityType.FindPrimaryKey()!.Properties;
        for (var i = 0; i < keyProperties.Count; i++)
        {
            var property = keyProperties[i];
            var propertyType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (keyValues[i] is null)
            {
                throw new InvalidOperationException(DynamoDbStrings.BatchMissingKeyValue(DeleteMethod, entityType.DisplayName(), property.Name));
            }

            if (!propertyType.IsInstanceOfType(keyValues[i]))
            {
                throw new InvalidOperationException(DynamoDbStrings.BatchKeyValueType(
                    DeleteMethod, entityType.DisplayName(), property.Name, keyValues[i]!.GetType().ShortDisplayName(), propertyType.ShortDisplayName()));
            }
        }

        var key = ItemKeySchema.Of(entityType).CreateKey(keyValues)!;
        for (var i = 0; i < keyProperties.Count; i++)
        {
            // A part of a composite sort key is in the key only encoded, where an empty text is still text: refuse it as
            // its own attribute would be.
            var property = keyProperties[i];
            if (key.GetValueOrDefault(property.GetAttributeName()) is { S.Length: 0 } or { B.Length: 0 } || keyValues[i] is "" or byte[] { Length: 0 })
            {
                throw new InvalidOperationException(DynamoDbStrings.BatchMissingKeyValue(DeleteMethod, entityType.DisplayName(), property.Name));
            }
        }

        return new BatchWrite(
            options.ResolveTableName(entityType),
            new WriteRequest { DeleteRequest = new DeleteRequest { Key = key } },
            ItemKeyText.Of(key, entityType),
            source);
    }

    private async Task WriteAsync(string method, IEntityType entityType, List<BatchWrite> writes, CancellationToken cancellationToken)
    {
        CheckNoDuplicateKeys(method, entityType, writes);
        cancellationToken.ThrowIfCancellationRequested();

        using var requestSlots = new SemaphoreSlim(options.MaxConcurrentWrites);
        var outcomes = await Task.WhenAll(
                writes.Chunk(MaxWritesPerRequest).Select(chunk => WriteChunkAsync(entityType, chunk, requestSlots, cancellationToken)))
            .ConfigureAwait(false);

        var notWritten = outcomes.SelectMany(o => o.NotWritten).Select(w => w.Source).ToList();
        if (notWritten.Count == 0)
        {
            return;
        }

        var refusal = outcomes.FirstOrDefault(o => o.Refused);
        throw refusal.Refused
            ? new DynamoDbBatchWriteException(
                DynamoDbStrings.BatchWriteFailed(method, entityType.DisplayName(), notWritten.Count, writes.Count, refusal.Error!.Message),
                notWritten,
                refusal.Error)
            : new DynamoDbBatchWriteException(
                DynamoDbStrings.BatchWriteUnprocessed(method, entityType.DisplayName(), notWritten.Count, writes.Count, MaxAttempts),
                notWritten,
                outcomes.First(o => o.NotWritten.Count > 0).Error);
    }

    // Sends one request's writes until DynamoDB has made them all, or the attempts run out, or it refuses the
    // request. Only the request holds a slot: the backoff delay leaves it to other requests.
    private async Task<(IReadOnlyList<BatchWrite> NotWritten, Exception? Error, bool Refused)> WriteChunkAsync(
        IEntityType entityType,
        IReadOnlyList<BatchWrite> writes,
        SemaphoreSlim requestSlots,
        CancellationToken cancellationToken)
    {
        var pending = writes;
        for (var attempt = 1;; attempt++)
        {
            Exception? retryableError = null;
            await requestSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var response = await client.BatchWriteItemAsync(CreateRequest(pending), cancellationToken).ConfigureAwait(false);
                pending = Unprocessed(entityType, pending, response.UnprocessedItems);
            }
            // Throttling and server errors that outlasted the SDK's own retries: the request made none of its writes, so
            // they are all sent again, like unprocessed items.
            catch (Exception exception) when (DynamoDbTransientExceptionDetector.ShouldRetryOn(exception))
            {
                retryableError = exception;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return (pending, exception, true);
            }
            finally
            {
                requestSlots.Release();
            }

            if (pending.Count == 0)
            {
                return ([], null, false);
            }

            if (attempt == MaxAttempts)
            {
                return (pending, retryableError, false);
            }

            var delay = RetryDelay(attempt);
            if (retryableError is not null)
            {
                // A failed request sent again is logged as the execution strategy logs its retries, so every retry of
                // a failure shows in the log under one event.
                infrastructureLogger.ExecutionStrategyRetrying([retryableError], delay, async: true);
            }

            DynamoDbRequestTelemetry.Retrying();
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static BatchWriteItemRequest CreateRequest(IReadOnlyList<BatchWrite> writes)
    {
        var requestItems = new Dictionary<string, List<WriteRequest>>();
        foreach (var write in writes)
        {
            if (!requestItems.TryGetValue(write.TableName, out var tableWrites))
            {
                requestItems[write.TableName] = tableWrites = [];
            }

            tableWrites.Add(write.Request);
        }

        return new BatchWriteItemRequest { RequestItems = requestItems };
    }

    // The writes DynamoDB returned unprocessed, matched to the ones sent by their keys (unique within a call).
    private static List<BatchWrite> Unprocessed(IEntityType entityType, IReadOnlyList<BatchWrite> sent, Dictionary<string, List<WriteRequest>>? unprocessed)
    {
        var result = new List<BatchWrite>();
        if (unprocessed is not { Count: > 0 })
        {
            return result;
        }

        var byKey = sent.ToDictionary(w => (w.TableName, w.Key));
        foreach (var (tableName, requests) in unprocessed)
        {
            foreach (var request in requests)
            {
                result.Add(byKey[(tableName, ItemKeyText.Of(request.PutRequest?.Item ?? request.DeleteRequest.Key, entityType))]);
            }
        }

        return result;
    }

    private void CheckNoDuplicateKeys(string method, IEntityType entityType, List<BatchWrite> writes)
    {
        var keys = new HashSet<(string, string)>();
        foreach (var write in writes)
        {
            if (keys.Add((write.TableName, write.Key)))
            {
                continue;
            }

            var keyProperties = entityType.FindPrimaryKey()!.Properties;
            throw new InvalidOperationException(
                loggingOptions.IsSensitiveDataLoggingEnabled
                    ? DynamoDbStrings.BatchDuplicateKeySensitive(
                        method,
                        entityType.DisplayName(),
                        "{" + string.Join(", ", ItemKeySchema.Of(entityType).AttributeNames.Select(name =>
                            (keyProperties.FirstOrDefault(p => p.GetAttributeName() == name)?.Name ?? name) + ": " + ItemKeyText.ValueOf(KeyAttributes(write)[name]))) + "}")
                    : DynamoDbStrings.BatchDuplicateKey(method, entityType.DisplayName(), string.Join(", ", keyProperties.Select(p => p.Name))));
        }
    }

    private static Dictionary<string, AttributeValue> KeyAttributes(BatchWrite write)
        => write.Request.PutRequest?.Item ?? write.Request.DeleteRequest.Key;
}
