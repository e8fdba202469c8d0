using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Reads the DynamoDB meaning of an EF index: a global or local secondary index, its keys and projection. An
/// index without a kind has no DynamoDB meaning and is ignored.
/// </summary>
public static class DynamoDbIndexExtensions
{
    /// <summary>
    /// The DynamoDB name of a secondary index: its EF name (<c>HasIndex(…, name)</c>, <c>HasGlobalSecondaryIndex</c>),
    /// else the one EF's relational <c>HasDatabaseName</c> set, else the default name
    /// <c>MapIndexesToGlobalSecondaryIndexes</c> gave it; null when it has none of them.
    /// </summary>
    public static string? GetSecondaryIndexName(this IReadOnlyIndex index)
        => index.Name
            ?? (string?)index[DynamoDbAnnotationNames.RelationalIndexName]
            ?? (string?)index[DynamoDbAnnotationNames.DefaultIndexName];

    /// <summary>The kind of secondary index, or null for an index DynamoDB ignores.</summary>
    public static DynamoDbIndexKind? GetSecondaryIndexKind(this IReadOnlyIndex index)
        => (DynamoDbIndexKind?)index[DynamoDbAnnotationNames.IndexKind];

    /// <summary>Makes the index a secondary index of that kind (or an ignored index, for null).</summary>
    public static void SetSecondaryIndexKind(this IMutableIndex index, DynamoDbIndexKind? kind)
        => index.SetOrRemoveAnnotation(DynamoDbAnnotationNames.IndexKind, kind);

    /// <summary>
    /// The secondary indexes of the entity type's table that the entity type declares or inherits, its base types'
    /// first.
    /// </summary>
    public static IEnumerable<IReadOnlyIndex> GetSecondaryIndexes(this IReadOnlyEntityType entityType)
        => entityType.GetIndexes().Where(i => i.GetSecondaryIndexKind() is not null);

    /// <inheritdoc cref="GetSecondaryIndexes(IReadOnlyEntityType)" />
    public static IEnumerable<IIndex> GetSecondaryIndexes(this IEntityType entityType)
        => entityType.GetIndexes().Where(i => i.GetSecondaryIndexKind() is not null);

    /// <summary>
    /// The secondary indexes declared by the entity type or by any type derived from it: for a root entity type, the
    /// indexes its hierarchy gives its table.
    /// </summary>
    public static IEnumerable<IReadOnlyIndex> GetSecondaryIndexesOfDerivedTypesInclusive(this IReadOnlyEntityType entityType)
        => entityType.GetDerivedTypesInclusive().SelectMany(e => e.GetDeclaredIndexes()).Where(i => i.GetSecondaryIndexKind() is not null);

    /// <inheritdoc cref="GetSecondaryIndexesOfDerivedTypesInclusive(IReadOnlyEntityType)" />
    public static IEnumerable<IIndex> GetSecondaryIndexesOfDerivedTypesInclusive(this IEntityType entityType)
        => ((IReadOnlyEntityType)entityType).GetSecondaryIndexesOfDerivedTypesInclusive().Cast<IIndex>();

    /// <summary>
    /// The index's partition key attributes, in key order: the leading index properties of a global index (one,
    /// or up to four for a multi-attribute key); the table's partition key for a local one.
    /// </summary>
    public static IReadOnlyList<IReadOnlyProperty> GetIndexPartitionKeyProperties(this IReadOnlyIndex index)
        => index.GetSecondaryIndexKind() == DynamoDbIndexKind.Local
            ? [index.DeclaringEntityType.GetRootType().GetPartitionKeyProperty()!]
            : index.Properties.Take(index.GetIndexPartitionKeyCount()).ToList();

    /// <summary>
    /// The index's sort key attributes, in key order (empty when it has none): the index properties after the
    /// partition key attributes of a global index; the only index property of a local one.
    /// </summary>
    public static IReadOnlyList<IReadOnlyProperty> GetIndexSortKeyProperties(this IReadOnlyIndex index)
        => index.GetSecondaryIndexKind() == DynamoDbIndexKind.Local
            ? [index.Properties[0]]
            : index.Properties.Skip(index.GetIndexPartitionKeyCount()).ToList();

    /// <inheritdoc cref="GetIndexPartitionKeyProperties(IReadOnlyIndex)" />
    public static IReadOnlyList<IProperty> GetIndexPartitionKeyProperties(this IIndex index)
        => ((IReadOnlyIndex)index).GetIndexPartitionKeyProperties().Cast<IProperty>().ToList();

    /// <inheritdoc cref="GetIndexSortKeyProperties(IReadOnlyIndex)" />
    public static IReadOnlyList<IProperty> GetIndexSortKeyProperties(this IIndex index)
        => ((IReadOnlyIndex)index).GetIndexSortKeyProperties().Cast<IProperty>().ToList();

    /// <summary>Every key attribute of the index, partition key attributes first, in key order.</summary>
    public static IEnumerable<IProperty> GetIndexKeyProperties(this IIndex index)
        => index.GetIndexPartitionKeyProperties().Concat(index.GetIndexSortKeyProperties());

    /// <summary>
    /// The index's partition key when it is one attribute; null for a multi-attribute partition key (see
    /// <see cref="GetIndexPartitionKeyProperties(IReadOnlyIndex)" />).
    /// </summary>
    public static IReadOnlyProperty? GetIndexPartitionKeyProperty(this IReadOnlyIndex index)
        => index.GetIndexPartitionKeyProperties() is [var partitionKey] ? partitionKey : null;

    /// <summary>
    /// The index's sort key when it is one attribute; null when it has none or a multi-attribute sort key (see
    /// <see cref="GetIndexSortKeyProperties(IReadOnlyIndex)" />).
    /// </summary>
    public static IReadOnlyProperty? GetIndexSortKeyProperty(this IReadOnlyIndex index)
        => index.GetIndexSortKeyProperties() is [var sortKey] ? sortKey : null;

    /// <inheritdoc cref="GetIndexPartitionKeyProperty(IReadOnlyIndex)" />
    public static IProperty? GetIndexPartitionKeyProperty(this IIndex index) => (IProperty?)((IReadOnlyIndex)index).GetIndexPartitionKeyProperty();

    /// <inheritdoc cref="GetIndexSortKeyProperty(IReadOnlyIndex)" />
    public static IProperty? GetIndexSortKeyProperty(this IIndex index) => (IProperty?)((IReadOnlyIndex)index).GetIndexSortKeyProperty();

    /// <summary>
    /// How many of a global index's leading properties form its partition key: one unless the index was declared
    /// with a multi-attribute partition key.
    /// </summary>
    public static int GetIndexPartitionKeyCount(this IReadOnlyIndex index)
        => (int?)index[DynamoDbAnnotationNames.IndexPartitionKeyCount] ?? 1;

    /// <summary>
    /// Makes the first <paramref name="count" /> index properties the partition key attributes of a global index and
    /// the rest its sort key attributes (up to four each), as <c>HasGlobalSecondaryIndex</c> does.
    /// </summary>
    public static void SetIndexPartitionKeyCount(this IMutableIndex index, int count)
        => index.SetAnnotation(DynamoDbAnnotationNames.IndexPartitionKeyCount, count);

    /// <summary>
    /// True when the index's partition and sort key attributes were declared apart (<c>HasGlobalSecondaryIndex</c>);
    /// false for an EF index made global with <c>IsGlobalSecondaryIndex</c>, whose first property is the partition key
    /// and second, if any, the sort key.
    /// </summary>
    public static bool HasDeclaredKeyAttributes(this IReadOnlyIndex index)
        => index[DynamoDbAnnotationNames.IndexPartitionKeyCount] is not null;

    /// <summary>True when the index has more than one partition key or more than one sort key attribute.</summary>
    public static bool HasMultiAttributeKey(this IReadOnlyIndex index)
        => index.GetIndexPartitionKeyProperties().Count > 1 || index.GetIndexSortKeyProperties().Count > 1;

    /// <summary>Which attributes the index holds besides the keys (ALL unless configured).</summary>
    public static DynamoDbIndexProjection GetProjection(this IReadOnlyIndex index)
        => (DynamoDbIndexProjection?)index[DynamoDbAnnotationNames.IndexProjection] ?? DynamoDbIndexProjection.All;

    /// <summary>Sets the index's projection; <paramref name="includedPropertyNames" /> only for INCLUDE.</summary>
    public static void SetProjection(this IMutableIndex index, DynamoDbIndexProjection projection, IReadOnlyList<string>? includedPropertyNames = null)
    {
        index.SetAnnotation(DynamoDbAnnotationNames.IndexProjection, projection);
        index.SetOrRemoveAnnotation(
            DynamoDbAnnotationNames.IndexIncludedProperties,
            projection == DynamoDbIndexProjection.Include ? (includedPropertyNames ?? []).ToArray() : null);
    }

    /// <summary>The names of the non-key properties an INCLUDE index projects.</summary>
    public static IReadOnlyList<string> GetIncludedPropertyNames(this IReadOnlyIndex index)
        => (string[]?)index[DynamoDbAnnotationNames.IndexIncludedProperties] ?? [];

    /// <summary>The provisioned throughput of a global index, or null for on-demand.</summary>
    public static (long ReadCapacityUnits, long WriteCapacityUnits)? GetProvisionedThroughput(this IReadOnlyIndex index)
        => index[DynamoDbAnnotationNames.IndexReadCapacityUnits] is long read && index[DynamoDbAnnotationNames.IndexWriteCapacityUnits] is long write
            ? (read, write)
            : null;

    /// <summary>Sets the provisioned throughput of a global index.</summary>
    public static void SetProvisionedThroughput(this IMutableIndex index, long readCapacityUnits, long writeCapacityUnits)
    {
        index.SetAnnotation(DynamoDbAnnotationNames.IndexReadCapacityUnits, readCapacityUnits);
        index.SetAnnotation(DynamoDbAnnotationNames.IndexWriteCapacityUnits, writeCapacityUnits);
    }

    /// <summary>
    /// True when the index holds the attribute of <paramref name="property" />: every attribute for ALL; the
    /// table's and the index's keys for KEYS_ONLY; those plus the included properties for INCLUDE. The parts of a
    /// composite sort key are not the table's key attributes (the composite attribute is): KEYS_ONLY lacks them,
    /// INCLUDE always includes them.
    /// </summary>
    public static bool Projects(this IReadOnlyIndex index, IReadOnlyProperty property)
        => index.GetProjection() switch
        {
            DynamoDbIndexProjection.All => true,
            var projection => (property.IsPrimaryKey()
                    && (projection == DynamoDbIndexProjection.Include
                        || !index.DeclaringEntityType.GetRootType().GetCompositeSortKeyProperties().Contains(property)))
                || index.GetIndexPartitionKeyProperties().Contains(property)
                || index.GetIndexSortKeyProperties().Contains(property)
                || (projection == DynamoDbIndexProjection.Include && index.GetIncludedPropertyNames().Contains(property.Name)),
        };
}
