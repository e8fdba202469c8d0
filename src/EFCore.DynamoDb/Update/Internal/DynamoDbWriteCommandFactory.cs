using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// Turns a changed entity into its conditional write: Added → PutItem that must not overwrite; Modified →
/// UpdateItem of only the changed attributes (SET for values, REMOVE for nulls) on an item that must exist;
/// Deleted → DeleteItem of an item that must exist. Concurrency tokens add their original values to the
/// condition. Nulls are never written, so a missing attribute always means null.
/// </summary>
public class DynamoDbWriteCommandFactory(IDynamoDbSingletonOptions options)
{
    /// <summary>The command for an entry, or null when a Modified entry changed nothing that is stored.</summary>
    public virtual DynamoDbWriteCommand? Create(IUpdateEntry entry)
    {
        var entityType = entry.EntityType;
        var tableName = options.ResolveTableName(entityType);
        var placeholders = new ExpressionPlaceholders();
        var partitionKeyName = placeholders.Name(entityType.GetPartitionKeyProperty()!.GetAttributeName());

        switch (entry.EntityState)
        {
            case EntityState.Added:
                return new DynamoDbWriteCommand(
                    entry,
                    DynamoDbWriteOperation.Put,
                    tableName,
                    CreateItem(entry),
                    updateExpression: null,
                    $"attribute_not_exists({partitionKeyName})",
                    placeholders.Names,
                    placeholders.Values);

            case EntityState.Modified:
                var updateExpression = CreateUpdateExpression(entry, placeholders);
                return updateExpression is null
                    ? null
                    : new DynamoDbWriteCommand(
                        entry,
                        DynamoDbWriteOperation.Update,
                        tableName,
                        CreateKey(entry),
                        updateExpression,
                        CreateExistsCondition(entry, partitionKeyName, placeholders),
                        placeholders.Names,
                        placeholders.Values);

            case EntityState.Deleted:
                return new DynamoDbWriteCommand(
                    entry,
                    DynamoDbWriteOperation.Delete,
                    tableName,
                    CreateKey(entry),
                    updateExpression: null,
                    CreateExistsCondition(entry, partitionKeyName, placeholders),
                    placeholders.Names,
                    placeholders.Values);

            default:
                return null;
        }
    }

    private static Dictionary<string, AttributeValue> CreateItem(IUpdateEntry entry)
    {
        var properties = entry.EntityType.GetProperties();
        var item = new Dictionary<string, AttributeValue>();
        foreach (var property in properties)
        {
            if (entry.GetCurrentValue(property) is { } value && !Mapping(property).IsStoredAsMissing(value))
            {
                item[property.GetAttributeName()] = CreateAttributeValue(entry, property, value);
            }
        }

        return item;
    }

    private static Dictionary<string, AttributeValue> CreateKey(IUpdateEntry entry)
    {
        var keyProperties = entry.EntityType.FindPrimaryKey()!.Properties;
        var key = new Dictionary<string, AttributeValue>(keyProperties.Count);
        foreach (var property in keyProperties)
        {
            // The original value addresses the stored item; EF refuses to change a tracked key anyway.
            key[property.GetAttributeName()] = Mapping(property).CreateAttributeValue(entry.GetOriginalValue(property)!);
        }

        return key;
    }

    private static string? CreateUpdateExpression(IUpdateEntry entry, ExpressionPlaceholders placeholders)
    {
        StringBuilder? set = null;
        StringBuilder? remove = null;
        foreach (var property in entry.EntityType.GetProperties())
        {
            if (property.IsPrimaryKey() || !entry.IsModified(property))
            {
                continue;
            }

            var name = placeholders.Name(property.GetAttributeName());
            if (entry.GetCurrentValue(property) is { } value && !Mapping(property).IsStoredAsMissing(value))
            {
                set = (set is null ? new StringBuilder("SET ") : set.Append(", "))
                    .Append(name).Append(" = ").Append(placeholders.Value(CreateAttributeValue(entry, property, value)));
            }
            else
            {
                remove = (remove is null ? new StringBuilder("REMOVE ") : remove.Append(", ")).Append(name);
            }
        }

        return (set, remove) switch
        {
            (null, null) => null,
            (not null, null) => set.ToString(),
            (null, not null) => remove.ToString(),
            _ => set.Append(' ').Append(remove).ToString(),
        };
    }

    private static string CreateExistsCondition(IUpdateEntry entry, string partitionKeyName, ExpressionPlaceholders placeholders)
    {
        var condition = new StringBuilder("attribute_exists(").Append(partitionKeyName).Append(')');
        foreach (var property in entry.EntityType.GetProperties())
        {
            if (!property.IsConcurrencyToken)
            {
                continue;
            }

            var name = placeholders.Name(property.GetAttributeName());
            condition.Append(" AND ");
            if (entry.GetOriginalValue(property) is { } original)
            {
                condition.Append(name).Append(" = ").Append(placeholders.Value(Mapping(property).CreateAttributeValue(original)));
            }
            else
            {
                condition.Append("attribute_not_exists(").Append(name).Append(')');
            }
        }

        return condition.ToString();
    }

    private static DynamoDbTypeMapping Mapping(IProperty property) => (DynamoDbTypeMapping)property.GetTypeMapping();

    // DynamoDB refuses an empty string or binary in a table or index key attribute; say which entity and property
    // before anything is sent.
    private static AttributeValue CreateAttributeValue(IUpdateEntry entry, IProperty property, object value)
    {
        var attributeValue = Mapping(property).CreateAttributeValue(value);
        if ((attributeValue.S is { Length: 0 } || attributeValue.B is { Length: 0 }) && IsKeyAttribute(property))
        {
            throw new InvalidOperationException(DynamoDbStrings.EmptyKeyValue(entry.EntityType.DisplayName(), property.Name));
        }

        return attributeValue;
    }

    private static bool IsKeyAttribute(IProperty property)
        => property.IsPrimaryKey()
            || ((IEntityType)property.DeclaringType).GetRootType().GetDerivedTypesInclusive().SelectMany(e => e.GetDeclaredIndexes())
                .Any(i => i.GetSecondaryIndexKind() is not null && (i.GetIndexPartitionKeyProperty() == property || i.GetIndexSortKeyProperty() == property));

    private sealed class ExpressionPlaceholders
    {
        public Dictionary<string, string> Names { get; } = new(2);

        public Dictionary<string, AttributeValue> Values { get; } = [];

        public string Name(string attributeName)
        {
            foreach (var (placeholder, name) in Names)
            {
                if (name == attributeName)
                {
                    return placeholder;
                }
            }

            var newPlaceholder = "#n" + Names.Count;
            Names.Add(newPlaceholder, attributeName);
            return newPlaceholder;
        }

        public string Value(AttributeValue value)
        {
            var placeholder = ":v" + Values.Count;
            Values.Add(placeholder, value);
            return placeholder;
        }
    }
}
