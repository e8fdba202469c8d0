using System.Collections;
using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.CompositeKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// Turns a changed entity into its conditional write: Added → PutItem that must not overwrite; Modified →
/// UpdateItem of only the changed attributes (SET for values, REMOVE for nulls) on an item that must exist;
/// Deleted → DeleteItem of an item that must exist. Concurrency tokens add their original values to the
/// condition. Nulls are never written, so a missing attribute always means null. Owned entities are part of their
/// owner's item: their changes are folded into the owner's write.
/// </summary>
public class DynamoDbWriteCommandFactory(IDynamoDbSingletonOptions options)
{
    /// <summary>
    /// The command for a root entry, or null when nothing stored changed. <paramref name="ownedChanges" /> holds the
    /// save's changed owned entities, if any: the root may be unchanged itself, as a change inside an owned entity
    /// updates its item.
    /// </summary>
    public virtual DynamoDbWriteCommand? Create(IUpdateEntry entry, OwnedWriteScope? ownedChanges = null)
    {
        var entityType = entry.EntityType;
        var tableName = options.ResolveTableName(entityType);
        var placeholders = new ExpressionPlaceholders();
        var partitionKeyName = placeholders.Name(entityType.GetPartitionKeyProperty()!.GetAttributeName());

        switch (entry.EntityState)
        {
            case EntityState.Added:
                // A replacement continues the replaced item's versions, as an update of it would.
                if (entityType.FindRowVersion() is { } rowVersion)
                {
                    entry.SetStoreGeneratedValue(
                        rowVersion,
                        RowVersionExtensions.NextVersion(rowVersion, entry.SharedIdentityEntry?.GetOriginalValue(rowVersion)));
                }

                // An entity added in place of a deleted one with its key (Remove, then Add) replaces that entity's
                // item, which must still be there as it was read.
                return new DynamoDbWriteCommand(
                    entry,
                    DynamoDbWriteOperation.Put,
                    tableName,
                    CheckItemSize(entry, CreateItem(entry), static name => name),
                    updateExpression: null,
                    entry.SharedIdentityEntry is { } replaced
                        ? CreateExistsCondition(replaced, partitionKeyName, placeholders)
                        : $"attribute_not_exists({partitionKeyName})",
                    placeholders.Names,
                    placeholders.Values);

            case EntityState.Modified or EntityState.Unchanged:
                var updateExpression = CreateUpdateExpression(entry, ownedChanges, placeholders);
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

    /// <summary>
    /// The whole item of an entity, exactly as the Put of an Added entry writes it, for a write without a condition
    /// (BatchWriteItem). The entry may be a detached one over an untracked entity: its owned entities are then read
    /// untracked too.
    /// </summary>
    public virtual Dictionary<string, AttributeValue> CreatePutItem(IUpdateEntry entry) => CreateItem(entry);

    // The item's attributes, and for a key of three or more properties its composite sort-key attribute, which is
    // written with the item and never changes after (EF refuses to change a key).
    private static Dictionary<string, AttributeValue> CreateItem(IUpdateEntry entry)
    {
        var item = CreateMap(entry, entry.EntityType, structuralObject: null).M;
        var keySchema = ItemKeySchema.Of(entry.EntityType);
        if (keySchema.IsComposite && keySchema.CreateCompositeValue(entry, static (e, property) => e.GetCurrentValue(property)) is { } composite)
        {
            item[keySchema.CompositeAttributeName!] = composite;
        }

        return item;
    }

    // The properties of the entity (or of a complex value) as attributes; a complex property as a nested map of its
    // own properties, at any depth; a complex collection as a list of such maps; null values as no attribute at all.
    private static void AddAttributes(IUpdateEntry entry, ItemWritePlan plan, object? structuralObject, Dictionary<string, AttributeValue> map)
    {
        foreach (var (property, attributeName) in plan.Properties)
        {
            if (CreateStoredValue(entry, property, CurrentValue(entry, structuralObject, property)) is { } attributeValue)
            {
                map[attributeName] = attributeValue;
            }
        }

        foreach (var (complexProperty, attributeName) in plan.ComplexProperties)
        {
            if (CurrentValue(entry, structuralObject, complexProperty) is { } value)
            {
                map[attributeName] = CreateComplexValue(entry, complexProperty, value, structuralObject);
            }
        }

        foreach (var (navigation, attributeName) in plan.OwnedNavigations)
        {
            if (entry.GetCurrentValue(navigation) is { } owned)
            {
                map[attributeName] = CreateOwnedValue(entry, navigation, owned);
            }
        }
    }

    // An owned reference as the map of its entity's attributes; an owned collection as a list of such maps, in the
    // collection's order. A new element gets its position key here: EF only gave it a temporary one.
    private static AttributeValue CreateOwnedValue(IUpdateEntry ownerEntry, INavigation navigation, object owned)
    {
        var ownedType = navigation.TargetEntityType;
        if (!navigation.IsCollection)
        {
            var ownedEntry = OwnedWriteScope.EntryOf(ownerEntry, owned, ownedType);
            if (ownedEntry.EntityState == EntityState.Added && ownedType.FindRowVersion() is { } rowVersion)
            {
                // A new owned entity starts its versions, as a new item does.
                ownedEntry.SetStoreGeneratedValue(rowVersion, RowVersionExtensions.NextVersion(rowVersion, original: null));
            }

            return CreateMap(ownedEntry, ownedType, structuralObject: null);
        }

        var elements = ((IEnumerable)owned).Cast<object>().Select(element => OwnedWriteScope.EntryOf(ownerEntry, element, ownedType)).ToList();
        OwnedWriteScope.AssignPositions(elements);
        return new AttributeValue { L = elements.Select(element => CreateMap(element, ownedType, structuralObject: null)).ToList() };
    }

    // A member's value comes from the entry, except inside a complex collection's element: the entry does not address
    // elements by position, so the value is read from the element (or the complex value inside it) itself.
    private static object? CurrentValue(IUpdateEntry entry, object? structuralObject, IPropertyBase member)
        => structuralObject is null ? entry.GetCurrentValue(member) : member.GetGetter().GetClrValue(structuralObject);

    private static AttributeValue CreateComplexValue(IUpdateEntry entry, IComplexProperty complexProperty, object value, object? structuralObject)
    {
        if (complexProperty.IsCollection)
        {
            return new AttributeValue
            {
                L = ((IEnumerable)value).Cast<object>().Select(element => CreateMap(entry, complexProperty.ComplexType, element)).ToList(),
            };
        }

        return CreateMap(entry, complexProperty.ComplexType, structuralObject is null ? null : value);
    }

    // The attributes of an entity, or of a complex value, as a map.
    private static AttributeValue CreateMap(IUpdateEntry entry, ITypeBase type, object? structuralObject)
    {
        var plan = ItemWritePlan.Of(type);
        var map = new Dictionary<string, AttributeValue>(plan.MaxAttributeCount);
        AddAttributes(entry, plan, structuralObject, map);
        return new AttributeValue { M = map };
    }

    // The original value addresses the stored item; EF refuses to change a tracked key anyway.
    private static Dictionary<string, AttributeValue> CreateKey(IUpdateEntry entry)
        => ItemKeySchema.Of(entry.EntityType).CreateKey(entry, static (e, property) => e.GetOriginalValue(property))!;

    private static string? CreateUpdateExpression(IUpdateEntry entry, OwnedWriteScope? owned, ExpressionPlaceholders placeholders)
    {
        var set = new List<string>();
        var remove = new List<string>();
        AddUpdates(entry, entry.EntityType, [], owned, placeholders, set, remove);
        if (set.Count + remove.Count > 0 && entry.EntityType.FindRowVersion() is { } rowVersion)
        {
            var next = RowVersionExtensions.NextVersion(rowVersion, entry.GetOriginalValue(rowVersion));
            entry.SetStoreGeneratedValue(rowVersion, next);
            SetOrRemove(placeholders.Name(rowVersion.GetAttributeName()), Mapping(rowVersion).CreateAttributeValue(next), placeholders, set, remove);
        }

        // The written values alone may exceed the limit (the message then names the path written), or the item they
        // make together with the values it keeps: the entity's current values are that item, built to be measured
        // only when a bound from those values does not already show it is small enough.
        if (placeholders.Values is { } values)
        {
            CheckItemSize(entry, values, placeholders.PathOf);
        }

        if (set.Count > 0 && !(ItemSizeBound.Of(entry) <= DynamoDbItemSize.MaxItemBytes))
        {
            CheckItemSize(entry, CreateItem(entry), static name => name);
        }

        return (set.Count, remove.Count) switch
        {
            (0, 0) => null,
            (_, 0) => "SET " + string.Join(", ", set),
            (0, _) => "REMOVE " + string.Join(", ", remove),
            _ => "SET " + string.Join(", ", set) + " REMOVE " + string.Join(", ", remove),
        };
    }

    // Only the changed attributes: SET for values, REMOVE for nulls; inside a complex property's map, the changed
    // nested paths (`#n0.#n1`), or the whole map when the complex value itself became null or stopped being null.
    private static void AddUpdates(
        IUpdateEntry entry,
        ITypeBase type,
        IReadOnlyList<string> mapPath,
        OwnedWriteScope? owned,
        ExpressionPlaceholders placeholders,
        List<string> set,
        List<string> remove)
    {
        // Placeholders are made only for paths the expression uses: DynamoDB rejects unused names.
        string Path(string attributeName) => placeholders.Path([.. mapPath, attributeName]);

        foreach (var property in type.GetProperties())
        {
            // A row version is written by the provider (see CreateUpdateExpression), whatever the application set.
            if (property.IsPrimaryKey() || property.IsRowVersion() || !entry.IsModified(property))
            {
                continue;
            }

            SetOrRemove(
                Path(property.GetAttributeName()),
                CreateStoredValue(entry, property, entry.GetCurrentValue(property)),
                placeholders,
                set,
                remove);
        }

        foreach (var complexProperty in type.GetComplexProperties())
        {
            // Written whole: a collection, as a list element has no stable path (another writer may have inserted or
            // removed elements since this one was read); a value that became null; a value where the stored item has
            // no map to set nested paths in. Otherwise, only the changed nested paths.
            if (complexProperty.IsCollection
                || entry.GetCurrentValue(complexProperty) is null
                || (complexProperty.IsNullable && entry.IsModified(complexProperty) && entry.GetOriginalValue(complexProperty) is null))
            {
                if (entry.IsModified(complexProperty))
                {
                    SetOrRemove(Path(complexProperty.GetAttributeName()), CreateComplexValue(entry, complexProperty), placeholders, set, remove);
                }
            }
            else
            {
                AddUpdates(entry, complexProperty.ComplexType, [.. mapPath, complexProperty.GetAttributeName()], owned, placeholders, set, remove);
            }
        }

        if (type is IEntityType entityType && owned is not null)
        {
            AddOwnedUpdates(entry, entityType, mapPath, owned, placeholders, set, remove);
        }
    }

    // The owned entities that changed, each where it is stored: a changed owned reference updated by nested paths, a
    // new or replaced one SET whole, a removed one REMOVEd; an owned collection with any change inside is SET whole,
    // as a list position is no stable address (see complex collections).
    private static void AddOwnedUpdates(
        IUpdateEntry ownerEntry,
        IEntityType ownerType,
        IReadOnlyList<string> mapPath,
        OwnedWriteScope owned,
        ExpressionPlaceholders placeholders,
        List<string> set,
        List<string> remove)
    {
        foreach (var navigation in ownerType.GetOwnedNavigations())
        {
            if (!owned.Changed(ownerEntry, navigation))
            {
                continue;
            }

            IReadOnlyList<string> path = [.. mapPath, navigation.TargetEntityType.GetContainingAttributeName()];
            var current = ownerEntry.GetCurrentValue(navigation);
            if (!navigation.IsCollection
                && current is not null
                && OwnedWriteScope.EntryOf(ownerEntry, current, navigation.TargetEntityType) is { EntityState: not EntityState.Added } currentEntry)
            {
                var updates = set.Count + remove.Count;
                AddUpdates(currentEntry, currentEntry.EntityType, path, owned, placeholders, set, remove);
                if (set.Count + remove.Count > updates && currentEntry.EntityType.FindRowVersion() is { } rowVersion)
                {
                    // The owned entity changed: its row version moves on, at its path (its original is in the condition).
                    var next = RowVersionExtensions.NextVersion(rowVersion, currentEntry.GetOriginalValue(rowVersion));
                    currentEntry.SetStoreGeneratedValue(rowVersion, next);
                    SetOrRemove(placeholders.Path([.. path, rowVersion.GetAttributeName()]), Mapping(rowVersion).CreateAttributeValue(next), placeholders, set, remove);
                }
            }
            else
            {
                SetOrRemove(placeholders.Path(path), current is null ? null : CreateOwnedValue(ownerEntry, navigation, current), placeholders, set, remove);
            }
        }
    }

    // The whole value of a complex property of the entity, or null.
    private static AttributeValue? CreateComplexValue(IUpdateEntry entry, IComplexProperty complexProperty)
        => entry.GetCurrentValue(complexProperty) is { } value ? CreateComplexValue(entry, complexProperty, value, structuralObject: null) : null;

    private static void SetOrRemove(string path, AttributeValue? value, ExpressionPlaceholders placeholders, List<string> set, List<string> remove)
    {
        if (value is null)
        {
            remove.Add(path);
        }
        else
        {
            set.Add(placeholders.Assignment(path, value));
        }
    }

    private static string CreateExistsCondition(IUpdateEntry entry, string partitionKeyName, ExpressionPlaceholders placeholders)
    {
        var condition = new StringBuilder("attribute_exists(").Append(partitionKeyName).Append(')');
        AppendTokenConditions(condition, entry, [], placeholders);
        return condition.ToString();
    }

    // The original value of every concurrency token stored in the item: the entity's own, and those of the owned
    // references stored in it (at their path in the item), as each is part of what was read.
    private static void AppendTokenConditions(StringBuilder condition, IUpdateEntry entry, IReadOnlyList<string> mapPath, ExpressionPlaceholders placeholders)
    {
        foreach (var property in entry.EntityType.GetProperties())
        {
            if (!property.IsConcurrencyToken || property.IsOwnershipKey())
            {
                continue;
            }

            var name = placeholders.Path([.. mapPath, property.GetAttributeName()]);
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

        foreach (var navigation in entry.EntityType.GetOwnedNavigations())
        {
            if (!navigation.IsCollection
                && entry.GetCurrentValue(navigation) is { } owned
                && OwnedWriteScope.EntryOf(entry, owned, navigation.TargetEntityType) is { EntityState: not (EntityState.Added or EntityState.Detached) } ownedEntry)
            {
                AppendTokenConditions(condition, ownedEntry, [.. mapPath, navigation.TargetEntityType.GetContainingAttributeName()], placeholders);
            }
        }
    }

    private static DynamoDbTypeMapping Mapping(IProperty property) => (DynamoDbTypeMapping)property.GetTypeMapping();

    /// <summary>
    /// The attribute a property's value is stored as, or null for no attribute at all (a null, unless a converter that
    /// converts nulls makes a value of it; a value stored as missing, such as an empty set).
    /// </summary>
    public static AttributeValue? CreateStoredValue(IUpdateEntry entry, IProperty property, object? value)
        => value is null
            ? Mapping(property).CreateNullAttributeValue()
            : Mapping(property).IsStoredAsMissing(value) ? null : CreateAttributeValue(entry, property, value);

    // DynamoDB refuses an empty string or binary in a table or index key attribute, and numbers it cannot store; say
    // which entity and property before anything is sent.
    private static AttributeValue CreateAttributeValue(IUpdateEntry entry, IProperty property, object value)
    {
        AttributeValue attributeValue;
        try
        {
            attributeValue = Mapping(property).CreateAttributeValue(value);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException(DynamoDbStrings.UnstorableValue(entry.EntityType.DisplayName(), property.Name, exception.Message), exception);
        }

        if ((attributeValue.S is { Length: 0 } || attributeValue.B is { Length: 0 }) && property.IsTableOrIndexKey())
        {
            throw new InvalidOperationException(DynamoDbStrings.EmptyKeyValue(entry.EntityType.DisplayName(), property.Name));
        }

        return attributeValue;
    }

    // An item over 400 KB (or an update writing more than that) is refused by DynamoDB; refused here first, naming the
    // largest attribute, as that is the one to move out (to S3, or to an item of its own).
    private static Dictionary<string, AttributeValue> CheckItemSize(
        IUpdateEntry entry,
        Dictionary<string, AttributeValue> attributes,
        Func<string, string> attributeNameOf)
    {
        var size = DynamoDbItemSize.Of(attributes);
        if (size > DynamoDbItemSize.MaxItemBytes)
        {
            var largest = attributes.MaxBy(a => DynamoDbItemSize.Of(a.Value));
            throw new InvalidOperationException(DynamoDbStrings.ItemTooLarge(
                entry.EntityType.DisplayName(), size, DynamoDbItemSize.MaxItemBytes, attributeNameOf(largest.Key), DynamoDbItemSize.Of(largest.Value)));
        }

        return attributes;
    }

    private sealed class ExpressionPlaceholders
    {
        // Made on first use: most Puts use no value placeholders.
        private Dictionary<string, string>? _assignedPaths;

        public Dictionary<string, string> Names { get; } = new(2);

        public Dictionary<string, AttributeValue>? Values { get; private set; }

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

        public string Path(IEnumerable<string> attributeNames) => string.Join('.', attributeNames.Select(Name));

        public string Value(AttributeValue value)
        {
            Values ??= [];
            var placeholder = ":v" + Values.Count;
            Values.Add(placeholder, value);
            return placeholder;
        }

        // A SET clause; its target is remembered to name the attribute in messages.
        public string Assignment(string path, AttributeValue value)
        {
            var placeholder = Value(value);
            (_assignedPaths ??= []).Add(placeholder, path);
            return path + " = " + placeholder;
        }

        // The attribute path (with real names) a value placeholder is assigned to.
        public string PathOf(string valuePlaceholder)
            => _assignedPaths is not null && _assignedPaths.TryGetValue(valuePlaceholder, out var path)
                ? string.Join('.', path.Split('.').Select(name => Names[name]))
                : valuePlaceholder;
    }
}
