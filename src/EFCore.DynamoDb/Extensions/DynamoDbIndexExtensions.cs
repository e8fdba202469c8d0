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
    /// The index's partition key: the first index property of a global index; the table's partition key for a
    /// local one.
    /// </summary>
    public static IReadOnlyProperty? GetIndexPartitionKeyProperty(this IReadOnlyIndex index)
        => index.GetSecondaryIndexKind() == DynamoDbIndexKind.Local
            ? index.DeclaringEntityType.GetRootType().GetPartitionKeyProperty()
            : index.Properties[0];

    /// <summary>
    /// The index's sort key: the second index property of a global index (if any); the only index property of a
    /// local one.
    /// </summary>
    public static IReadOnlyProperty? GetIndexSortKeyProperty(this IReadOnlyIndex index)
        => index.GetSecondaryIndexKind() == DynamoDbIndexKind.Local
            ? index.Properties[0]
            : index.Properties.Count > 1 ? index.Properties[1] : null;

    /// <inheritdoc cref="GetIndexPartitionKeyProperty(IReadOnlyIndex)" />
    public static IProperty? GetIndexPartitionKeyProperty(this IIndex index) => (IProperty?)((IReadOnlyIndex)index).GetIndexPartitionKeyProperty();

    /// <inheritdoc cref="GetIndexSortKeyProperty(IReadOnlyIndex)" />
    public static IProperty? GetIndexSortKeyProperty(this IIndex index) => (IProperty?)((IReadOnlyIndex)index).GetIndexSortKeyProperty();

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
    /// table's and the index's keys for KEYS_ONLY; those plus the included properties for INCLUDE.
    /// </summary>
    public static bool Projects(this IReadOnlyIndex index, IReadOnlyProperty property)
        => index.GetProjection() switch
        {
            DynamoDbIndexProjection.All => true,
            var projection => property.IsPrimaryKey()
                || property == index.GetIndexPartitionKeyProperty()
                || property == index.GetIndexSortKeyProperty()
                || (projection == DynamoDbIndexProjection.Include && index.GetIncludedPropertyNames().Contains(property.Name)),
        };
}
