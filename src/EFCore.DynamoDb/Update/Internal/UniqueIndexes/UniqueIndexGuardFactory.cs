using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update.Internal.UniqueIndexes;

/// <summary>
/// The guard actions of entity writes: the Put of an entity claims each unique value it has; an Update that changes a
/// unique index's values releases the old value and claims the new one; a Delete releases its values. A value with a
/// null part is not claimed (SQL semantics: nulls are never duplicates).
/// </summary>
public class UniqueIndexGuardFactory(IDynamoDbSingletonOptions options, IDiagnosticsLogger<DbLoggerCategory.Update> logger)
{
    /// <summary>The guards of one entity write, sent with it in its own transaction.</summary>
    public virtual IReadOnlyList<UniqueIndexGuard> Create(DynamoDbWriteCommand command)
    {
        var guards = new List<UniqueIndexGuard>();
        AddGuards(command, guards);
        return guards;
    }

    /// <summary>
    /// The guards of the writes of one transaction. A value released by one entity and claimed by another is one
    /// action (DynamoDB refuses two on one item); two entities of the save claiming one value fail the save before
    /// anything is sent.
    /// </summary>
    public virtual IReadOnlyList<UniqueIndexGuard> Create(IReadOnlyList<DynamoDbWriteCommand> commands)
    {
        var guards = new List<UniqueIndexGuard>();
        foreach (var command in commands)
        {
            AddGuards(command, guards);
        }

        if (guards.Count < 2)
        {
            return guards;
        }

        var byKey = new Dictionary<string, UniqueIndexGuard>(guards.Count);
        var merged = new List<UniqueIndexGuard>(guards.Count);
        foreach (var guard in guards)
        {
            if (!byKey.TryGetValue(guard.GuardKey, out var other))
            {
                byKey[guard.GuardKey] = guard;
                merged.Add(guard);
                continue;
            }

            if (guard.Claims && other.Claims)
            {
                throw new DbUpdateException(DuplicateMessage(guard, inSave: true), [other.Command.Entry, guard.Command.Entry]);
            }

            // One releases, the other claims: the claim takes the guard over from the releasing owner.
            var (claim, release) = guard.Claims ? (guard, other) : (other, guard);
            if (claim.Claims)
            {
                claim.ReleasedOwner = release.Owner;
                merged[merged.IndexOf(other)] = claim;
                byKey[guard.GuardKey] = claim;
            }
        }

        return merged;
    }

    /// <summary>The message of a value already claimed, by another stored entity or by another entity of the save.</summary>
    public virtual string DuplicateMessage(UniqueIndexGuard guard, bool inSave = false)
    {
        var entityType = guard.Command.Entry.EntityType.DisplayName();
        var index = UniqueIndexGuardTable.Describe(guard.Index);
        return logger.ShouldLogSensitiveData()
            ? DynamoDbStrings.UniqueIndexDuplicateSensitive(entityType, index, guard.ValueDescription, inSave)
            : DynamoDbStrings.UniqueIndexDuplicate(entityType, index, inSave);
    }

    private void AddGuards(DynamoDbWriteCommand command, List<UniqueIndexGuard> guards)
    {
        var entry = command.Entry;
        foreach (var index in UniqueIndexGuardTable.UniqueIndexesOf(entry.EntityType))
        {
            var (released, claimed) = command.Operation switch
            {
                DynamoDbWriteOperation.Put => (command.ReplacesItem ? ValuesOf(entry.SharedIdentityEntry!, index, original: true) : null,
                    ValuesOf(entry, index, original: false)),
                DynamoDbWriteOperation.Update => (ValuesOf(entry, index, original: true), ValuesOf(entry, index, original: false)),
                _ => (ValuesOf(entry, index, original: true), null),
            };
            if (released is not null && claimed is not null && released.Value.Key == claimed.Value.Key)
            {
                continue;
            }

            var tableName = UniqueIndexGuardTable.Name(options, entry.EntityType.Model);
            if (released is { } old)
            {
                guards.Add(new UniqueIndexGuard(command, index, tableName, old.Key, claims: false, old.Description));
            }

            if (claimed is { } value)
            {
                guards.Add(new UniqueIndexGuard(command, index, tableName, value.Key, claims: true, value.Description));
            }
        }
    }

    // The guard key of the index's values in the entity's item, or null when one is null. The key is the entity's
    // table, the index's attribute names and each value's type and length-prefixed text, so no two value tuples share
    // a key.
    private (string Key, string Description)? ValuesOf(IUpdateEntry entry, IIndex index, bool original)
    {
        var key = new StringBuilder(options.ResolveTableName(entry.EntityType)).Append('\u001f')
            .AppendJoin(',', index.Properties.Select(p => p.GetAttributeName())).Append('\u001f');
        var description = new StringBuilder("{");
        foreach (var property in index.Properties)
        {
            var value = original ? entry.GetOriginalValue(property) : entry.GetCurrentValue(property);
            if (DynamoDbWriteCommandFactory.CreateStoredValue(entry, property, value) is not { NULL: not true } attributeValue)
            {
                return null;
            }

            var (type, text) = attributeValue switch
            {
                { S: { } s } => ("S", s),
                { N: { } n } => ("N", n),
                { B: { } b } => ("B", Convert.ToBase64String(b.ToArray())),
                { BOOL: { } flag } => ("BOOL", flag ? "true" : "false"),
                _ => throw new InvalidOperationException(DynamoDbStrings.UniqueIndexValueNotScalar(
                    entry.EntityType.DisplayName(), UniqueIndexGuardTable.Describe(index), property.Name)),
            };
            key.Append(type).Append(text.Length).Append(':').Append(text);
            description.Append(description.Length == 1 ? "" : ", ").Append(property.Name).Append(": '").Append(value).Append('\'');
        }

        return (key.ToString(), description.Append('}').ToString());
    }
}
