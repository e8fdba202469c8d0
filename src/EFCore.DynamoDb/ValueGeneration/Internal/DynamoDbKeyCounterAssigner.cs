using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.ValueGeneration.Internal;

/// <summary>
/// Gives the new entities of a save their generated integer keys before the writes are built: the temporary values
/// EF gave them on add are replaced (as store-generated values, so EF fixes up the foreign keys that point at them)
/// by values from the key counters, all a save needs from one counter in at most one request. A save that fails
/// keeps the values it was given for its next attempt, so a write retried after a lost response addresses the same
/// item. Also warns about a new entity whose non-generated integer key was left at its default.
/// </summary>
public class DynamoDbKeyCounterAssigner(
    IDynamoDbClientWrapper client,
    DynamoDbRequestRetrier retrier,
    IDynamoDbSingletonOptions options,
    ICurrentDbContext currentDbContext,
    DynamoDbKeyCounterBlocks blocks,
    IDiagnosticsLogger<DbLoggerCategory.Update> logger) : IResettableService
{
    private const string KeyGenerationAnnotation = "DynamoDb:KeyGeneration";

    // The values given to entries of a save that did not complete, given again when it is retried.
    private Dictionary<(IUpdateEntry Entry, IProperty Property), object>? _given;

    /// <summary>
    /// Replaces the temporary generated keys of the new entities by counter values: the Added entries of a save, or
    /// the detached entries <c>BatchPutAsync</c> writes.
    /// </summary>
    public virtual async Task AssignAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken)
    {
        Dictionary<IProperty, List<IUpdateEntry>>? pending = null;
        foreach (var entry in entries)
        {
            if (entry.EntityState is not (EntityState.Added or EntityState.Detached))
            {
                continue;
            }

            var plan = GetPlan(entry.EntityType);
            if (plan.Counter is { } counter)
            {
                if (!entry.HasTemporaryValue(counter))
                {
                    continue;
                }

                if (_given is not null && _given.TryGetValue((entry, counter), out var given))
                {
                    SetValue(entry, counter, given);
                    continue;
                }

                pending ??= [];
                if (!pending.TryGetValue(counter, out var waiting))
                {
                    pending[counter] = waiting = [];
                }

                waiting.Add(entry);
            }
            else if (plan.UngeneratedKey is { } key && IsDefault(entry.GetCurrentValue(key)))
            {
                logger.PrimaryKeyValueNotSet(entry.EntityType.DisplayName(), key.Name);
            }
        }

        if (pending is null)
        {
            return;
        }

        foreach (var (property, waiting) in pending)
        {
            var values = await TakeAsync(property, waiting.Count, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < waiting.Count; i++)
            {
                var value = ToClrValue(property, values[i]);
                (_given ??= [])[(waiting[i], property)] = value;
                SetValue(waiting[i], property, value);
            }
        }
    }

    // A tracked entry keeps the value as store-generated until the save is accepted (EF then writes it to the entity,
    // or discards it if the save fails); an untracked one of BatchPutAsync is never accepted, so the value goes into
    // the entity at once.
    private static void SetValue(IUpdateEntry entry, IProperty property, object value)
    {
        if (entry is InternalEntityEntry { EntityState: EntityState.Detached } detached && !property.IsShadowProperty())
        {
            ((IRuntimePropertyBase)property).GetSetter().SetClrValueUsingContainingEntity(detached.Entity, value);
            detached.MarkAsTemporary(property, temporary: false);
        }
        else
        {
            entry.SetStoreGeneratedValue(property, value);
        }
    }

    /// <summary>Forgets the values given to the last save, which completed.</summary>
    public virtual void Saved() => _given = null;

    /// <summary>The UpdateItem that reserves <paramref name="count" /> values of a counter: ADD, returning the new highest value.</summary>
    public static UpdateItemRequest CreateReserveRequest(string countersTable, string counter, long count)
        => new()
        {
            TableName = countersTable,
            Key = new Dictionary<string, AttributeValue> { [KeyCounterExtensions.CounterNameAttribute] = new() { S = counter } },
            UpdateExpression = "ADD #value :count",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#value"] = KeyCounterExtensions.CounterValueAttribute },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":count"] = new() { N = count.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
            ReturnValues = ReturnValue.UPDATED_NEW,
        };

    /// <inheritdoc />
    public virtual void ResetState() => _given = null;

    /// <inheritdoc />
    public virtual Task ResetStateAsync(CancellationToken cancellationToken = default)
    {
        ResetState();
        return Task.CompletedTask;
    }

    private Task<long[]> TakeAsync(IProperty property, int count, CancellationToken cancellationToken)
    {
        var table = options.ResolveTableName(currentDbContext.Context.Model, currentDbContext.Context.Model.GetKeyCountersTableName());
        var counter = property.GetKeyCounterName();
        return blocks.TakeAsync(
            table + "/" + counter,
            count,
            property.GetKeyBlockSize(),
            async (reserve, token) =>
            {
                try
                {
                    var response = await retrier.ExecuteAsync(
                            attemptToken => client.UpdateItemAsync(CreateReserveRequest(table, counter, reserve), attemptToken),
                            token)
                        .ConfigureAwait(false);
                    return long.Parse(response.Attributes[KeyCounterExtensions.CounterValueAttribute].N, System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (ResourceNotFoundException exception)
                {
                    throw new InvalidOperationException(DynamoDbStrings.KeyCountersTableMissing(table, property.DeclaringType.DisplayName(), property.Name), exception);
                }
            },
            cancellationToken);
    }

    private static object ToClrValue(IProperty property, long value)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        try
        {
            return Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (OverflowException exception)
        {
            throw new InvalidOperationException(DynamoDbStrings.KeyCounterOverflow(property.DeclaringType.DisplayName(), property.Name, value, type.Name), exception);
        }
    }

    private static bool IsDefault(object? value) => value is null || Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture) == 0;

    // What a new entity of this type needs at save, worked out once per entity type.
    private static KeyGenerationPlan GetPlan(IEntityType entityType)
        => entityType.GetOrAddRuntimeAnnotationValue(
            KeyGenerationAnnotation,
            static e =>
            {
                if (e!.IsOwned() || e.FindPrimaryKey() is not { Properties.Count: 1 } key)
                {
                    return KeyGenerationPlan.None;
                }

                var property = key.Properties[0];
                return property.IsGeneratedByKeyCounter()
                    ? new KeyGenerationPlan(property, null)
                    : KeyCounterExtensions.IsIntegerType(property.ClrType) && property.ValueGenerated == ValueGenerated.Never
                        ? new KeyGenerationPlan(null, property)
                        : KeyGenerationPlan.None;
            },
            entityType);

    private sealed record KeyGenerationPlan(IProperty? Counter, IProperty? UngeneratedKey)
    {
        public static readonly KeyGenerationPlan None = new(null, null);
    }
}
