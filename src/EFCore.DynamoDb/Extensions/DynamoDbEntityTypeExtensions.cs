using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Reads the DynamoDB mapping of an entity type: its table and its partition and sort keys.
/// </summary>
public static class DynamoDbEntityTypeExtensions
{
    /// <summary>
    /// The name of the table the entity type is stored in, as configured by <c>ToTable</c> or the DbSet/type-name
    /// convention; the options' <c>TableNamePrefix</c> and <c>TableNameSuffix</c> are added when requests are built.
    /// </summary>
    public static string? GetTableName(this IReadOnlyEntityType entityType)
        => entityType.BaseType is { } baseType
            ? baseType.GetTableName()
            : entityType.IsOwned()
                ? null
                : (string?)entityType[DynamoDbAnnotationNames.TableName];

    /// <summary>Sets the table name.</summary>
    public static void SetTableName(this IMutableEntityType entityType, string? name)
        => entityType.SetOrRemoveAnnotation(DynamoDbAnnotationNames.TableName, name);

    /// <summary>Sets the table name at the given configuration source.</summary>
    public static string? SetTableName(this IConventionEntityType entityType, string? name, bool fromDataAnnotation = false)
        => (string?)entityType.SetOrRemoveAnnotation(DynamoDbAnnotationNames.TableName, name, fromDataAnnotation)?.Value;

    /// <summary>The configuration source of the table name.</summary>
    public static ConfigurationSource? GetTableNameConfigurationSource(this IConventionEntityType entityType)
        => entityType.FindAnnotation(DynamoDbAnnotationNames.TableName)?.GetConfigurationSource();

    /// <summary>
    /// The property stored as the table's partition (HASH) key: the first property of the primary key, or, in a key of
    /// three or more properties, the one <c>HasPartitionKey</c> names.
    /// </summary>
    public static IReadOnlyProperty? GetPartitionKeyProperty(this IReadOnlyEntityType entityType)
        => entityType.FindPrimaryKey() is not { Properties.Count: > 0 } key
            ? null
            : key.Properties.Count > 2 && entityType.GetRootType().GetPartitionKeyPropertyName() is { } named
                && key.Properties.FirstOrDefault(p => p.Name == named) is { } namedProperty
                ? namedProperty
                : key.Properties[0];

    /// <summary>
    /// The properties of a key of three or more properties that are encoded, in key order, into the table's one
    /// composite sort-key attribute: every key property but the partition key. Empty for a key of one or two, and for
    /// an owned type (stored inside its owner's item).
    /// </summary>
    public static IReadOnlyList<IReadOnlyProperty> GetCompositeSortKeyProperties(this IReadOnlyEntityType entityType)
        => !entityType.IsOwned() && entityType.FindPrimaryKey() is { Properties.Count: > 2 } key
            ? key.Properties.Where(p => p != entityType.GetPartitionKeyProperty()).ToList()
            : [];

    /// <inheritdoc cref="GetCompositeSortKeyProperties(IReadOnlyEntityType)" />
    public static IReadOnlyList<IProperty> GetCompositeSortKeyProperties(this IEntityType entityType)
        => ((IReadOnlyEntityType)entityType).GetCompositeSortKeyProperties().Cast<IProperty>().ToList();

    /// <summary>
    /// The name of the composite sort-key attribute of a key of three or more properties: the one set with
    /// <c>HasCompositeSortKeyAttributeName</c>, else the attribute names of its parts joined by '#' (for a key
    /// {UserId, LoginProvider, Name}: <c>LoginProvider#Name</c>). Null for a key of one or two properties.
    /// </summary>
    public static string? GetCompositeSortKeyAttributeName(this IReadOnlyEntityType entityType)
        => entityType.GetCompositeSortKeyProperties() is { Count: > 0 } parts
            ? (string?)entityType.GetRootType()[DynamoDbAnnotationNames.CompositeSortKeyAttributeName]
                ?? string.Join("#", parts.Select(p => p.GetAttributeName()))
            : null;

    /// <summary>Sets the name of the composite sort-key attribute (null for the default).</summary>
    public static void SetCompositeSortKeyAttributeName(this IMutableEntityType entityType, string? name)
        => entityType.SetOrRemoveAnnotation(DynamoDbAnnotationNames.CompositeSortKeyAttributeName, name);

    /// <summary>
    /// The property stored as the table's sort (RANGE) key: the second property of a two-property primary key.
    /// </summary>
    public static IReadOnlyProperty? GetSortKeyProperty(this IReadOnlyEntityType entityType)
        => entityType.FindPrimaryKey() is { Properties.Count: 2 } key ? key.Properties[1] : null;

    /// <inheritdoc cref="GetPartitionKeyProperty(IReadOnlyEntityType)" />
    public static IProperty? GetPartitionKeyProperty(this IEntityType entityType)
        => (IProperty?)((IReadOnlyEntityType)entityType).GetPartitionKeyProperty();

    /// <inheritdoc cref="GetSortKeyProperty(IReadOnlyEntityType)" />
    public static IProperty? GetSortKeyProperty(this IEntityType entityType)
        => (IProperty?)((IReadOnlyEntityType)entityType).GetSortKeyProperty();

    /// <summary>The name of the property explicitly configured with <c>HasPartitionKey</c>, if any.</summary>
    public static string? GetPartitionKeyPropertyName(this IReadOnlyEntityType entityType)
        => (string?)entityType[DynamoDbAnnotationNames.PartitionKeyName];

    /// <summary>The name of the property explicitly configured with <c>HasSortKey</c>, if any.</summary>
    public static string? GetSortKeyPropertyName(this IReadOnlyEntityType entityType)
        => (string?)entityType[DynamoDbAnnotationNames.SortKeyName];

    /// <summary>The billing mode of the entity type's table (on-demand unless configured).</summary>
    public static DynamoDbBillingMode GetBillingMode(this IReadOnlyEntityType entityType)
        => (DynamoDbBillingMode?)entityType.GetRootType()[DynamoDbAnnotationNames.BillingMode] ?? DynamoDbBillingMode.PayPerRequest;

    /// <summary>The provisioned throughput of the entity type's table, or null when none is configured.</summary>
    public static (long ReadCapacityUnits, long WriteCapacityUnits)? GetProvisionedThroughput(this IReadOnlyEntityType entityType)
    {
        var root = entityType.GetRootType();
        return root[DynamoDbAnnotationNames.ReadCapacityUnits] is long read && root[DynamoDbAnnotationNames.WriteCapacityUnits] is long write
            ? (read, write)
            : null;
    }

    /// <summary>The property DynamoDB's time to live reads (epoch seconds), or null when the table has none.</summary>
    public static IReadOnlyProperty? GetTimeToLiveProperty(this IReadOnlyEntityType entityType)
        => entityType.GetRootType()[DynamoDbAnnotationNames.TimeToLiveProperty] is string name ? entityType.FindProperty(name) : null;

    /// <inheritdoc cref="GetTimeToLiveProperty(IReadOnlyEntityType)" />
    public static IProperty? GetTimeToLiveProperty(this IEntityType entityType)
        => (IProperty?)((IReadOnlyEntityType)entityType).GetTimeToLiveProperty();

    /// <summary>The name of the property that records when an entity was added.</summary>
    public const string CreatedAtPropertyName = "CreatedAt";

    /// <summary>The name of the property that records when an entity was last saved.</summary>
    public const string UpdatedAtPropertyName = "UpdatedAt";

    /// <summary>
    /// True when the entity type (or, by default, the model) keeps <c>CreatedAt</c>/<c>UpdatedAt</c> set on save. Never
    /// for an owned type: it is stored in its owner's item, whose timestamps are the owner's.
    /// </summary>
    public static bool AreTimestampsEnabled(this IReadOnlyEntityType entityType)
        => !entityType.IsOwned()
            && ((bool?)entityType.GetRootType()[DynamoDbAnnotationNames.Timestamps]
                ?? (bool?)entityType.Model[DynamoDbAnnotationNames.Timestamps]
                ?? false);

    /// <summary>The storage class of the entity type's table, or null for DynamoDB's default (STANDARD).</summary>
    public static DynamoDbTableClass? GetTableClass(this IReadOnlyEntityType entityType)
        => (DynamoDbTableClass?)entityType.GetRootType()[DynamoDbAnnotationNames.TableClass];

    /// <summary>True when the entity type's table is created with deletion protection.</summary>
    public static bool IsDeletionProtected(this IReadOnlyEntityType entityType)
        => (bool?)entityType.GetRootType()[DynamoDbAnnotationNames.DeletionProtection] ?? false;
}
