using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Storage.Internal.CompositeKeys;

/// <summary>
/// The primary key of a table as DynamoDB sees it, and the one place that builds an item's key from an entity's key
/// values. A key of one property is a partition key; of two, a partition and a sort key; of three or more, a
/// partition key (the first property, or the one <c>HasPartitionKey</c> names) and one composite sort-key attribute
/// (<see cref="CompositeSortKeyEncoder" />) encoding the other properties in key order. Each key property is also
/// stored as its own attribute, so filters, projections and secondary indexes on a part work as on any property.
/// Writes, GetItem, BatchGetItem, TransactGetItems and key lookups all take their keys from here.
/// </summary>
public sealed class ItemKeySchema
{
    private const string RuntimeAnnotationName = "DynamoDb:ItemKeySchema";

    private ItemKeySchema(IEntityType entityType)
    {
        var keyProperties = entityType.FindPrimaryKey()!.Properties;
        PartitionKey = entityType.GetPartitionKeyProperty()!;
        SortKey = entityType.GetSortKeyProperty();
        CompositeParts = entityType.GetCompositeSortKeyProperties();
        CompositeAttributeName = entityType.GetCompositeSortKeyAttributeName();
        KeyProperties = keyProperties;
        AttributeNames = CompositeAttributeName is { } composite
            ? [PartitionKey.GetAttributeName(), composite]
            : SortKey is null ? [PartitionKey.GetAttributeName()] : [PartitionKey.GetAttributeName(), SortKey.GetAttributeName()];
    }

    /// <summary>The key schema of the table that stores the entity type (its root type's key).</summary>
    public static ItemKeySchema Of(IEntityType entityType)
    {
        var root = entityType.GetRootType();
        return root.GetOrAddRuntimeAnnotationValue(RuntimeAnnotationName, static e => new ItemKeySchema(e!), root);
    }

    /// <summary>The property stored as the partition (HASH) key.</summary>
    public IProperty PartitionKey { get; }

    /// <summary>The property stored as the sort (RANGE) key of a two-property key; null otherwise.</summary>
    public IProperty? SortKey { get; }

    /// <summary>The properties encoded, in order, into the composite sort-key attribute; empty unless the key has three or more.</summary>
    public IReadOnlyList<IProperty> CompositeParts { get; }

    /// <summary>The composite sort-key attribute, or null when the key has fewer than three properties.</summary>
    public string? CompositeAttributeName { get; }

    /// <summary>True when the sort key is the composite attribute.</summary>
    public bool IsComposite => CompositeAttributeName is not null;

    /// <summary>The EF key's properties, in the EF key's order (the order of <c>FindAsync</c>'s arguments).</summary>
    public IReadOnlyList<IProperty> KeyProperties { get; }

    /// <summary>The names of the key attributes of an item: the partition key's, then the sort key's (or the composite one), if any.</summary>
    public IReadOnlyList<string> AttributeNames { get; }

    /// <summary>The name of the table's sort-key attribute, or null for a table keyed by its partition key alone.</summary>
    public string? SortKeyAttributeName => AttributeNames.Count > 1 ? AttributeNames[1] : null;

    /// <summary>
    /// The key of the item whose key properties have the values <paramref name="valueOf" /> gives (model values,
    /// converted as stored: value converters, key prefixes); null when one of them is null, as no item has it.
    /// </summary>
    public Dictionary<string, AttributeValue>? CreateKey<TState>(TState state, Func<TState, IProperty, object?> valueOf)
    {
        var key = new Dictionary<string, AttributeValue>(AttributeNames.Count);
        if (valueOf(state, PartitionKey) is not { } partitionKeyValue)
        {
            return null;
        }

        key[AttributeNames[0]] = Mapping(PartitionKey).CreateAttributeValue(partitionKeyValue);
        if (SortKey is not null)
        {
            if (valueOf(state, SortKey) is not { } sortKeyValue)
            {
                return null;
            }

            key[AttributeNames[1]] = Mapping(SortKey).CreateAttributeValue(sortKeyValue);
        }
        else if (IsComposite)
        {
            if (CreateCompositeValue(state, valueOf) is not { } composite)
            {
                return null;
            }

            key[AttributeNames[1]] = composite;
        }

        return key;
    }

    /// <summary>The key of the item whose key properties have these values; null when one is null or missing.</summary>
    public Dictionary<string, AttributeValue>? CreateKey(IReadOnlyDictionary<IProperty, object?> values)
        => CreateKey(values, static (v, p) => v.GetValueOrDefault(p));

    /// <summary>The key of the item whose key has these values, in the EF key's order; null when one is null.</summary>
    public Dictionary<string, AttributeValue>? CreateKey(IReadOnlyList<object?> keyValues)
        => CreateKey((Values: keyValues, Properties: KeyProperties), static (s, p) => s.Values[IndexOf(s.Properties, p)]);

    /// <summary>
    /// The composite sort-key attribute of the entity whose parts have the values <paramref name="valueOf" /> gives;
    /// null when a part is null.
    /// </summary>
    public AttributeValue? CreateCompositeValue<TState>(TState state, Func<TState, IProperty, object?> valueOf)
    {
        var parts = new object?[CompositeParts.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (valueOf(state, CompositeParts[i]) is not { } value)
            {
                return null;
            }

            parts[i] = StoredValue(CompositeParts[i], value);
        }

        return new AttributeValue { S = CompositeSortKeyEncoder.Encode(parts) };
    }

    /// <summary>
    /// The encoded form of the leading parts <paramref name="leadingValues" /> (model values of the first parts, in
    /// order), followed by <paramref name="next" /> (the next part's value) when given, with no separator after it:
    /// every key whose leading parts are those values and whose next part is <paramref name="next" /> starts with it.
    /// Without <paramref name="next" />, the <c>begins_with</c> operand of the leading run.
    /// </summary>
    public string EncodePrefix(IReadOnlyList<object> leadingValues, object? next = null)
    {
        var prefix = CompositeSortKeyEncoder.EncodePrefix(leadingValues.Select((v, i) => StoredValue(CompositeParts[i], v)).ToList());
        return next is null ? prefix : prefix + CompositeSortKeyEncoder.Encode([StoredValue(CompositeParts[leadingValues.Count], next)]);
    }

    // The value a part is stored as (after its converter), which is what the encoder orders, as DynamoDB orders the
    // part's own attribute.
    private static object? StoredValue(IProperty part, object value)
        => Mapping(part).Converter is { } converter ? converter.ConvertToProvider(value) : value;

    private static DynamoDbTypeMapping Mapping(IProperty property) => (DynamoDbTypeMapping)property.GetTypeMapping();

    private static int IndexOf(IReadOnlyList<IProperty> properties, IProperty property)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i] == property)
            {
                return i;
            }
        }

        throw new ArgumentException(property.Name, nameof(property));
    }
}
