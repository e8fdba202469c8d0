namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>The names of the model annotations the provider reads and writes.</summary>
public static class DynamoDbAnnotationNames
{
    /// <summary>The prefix of every DynamoDB annotation.</summary>
    public const string Prefix = "DynamoDb:";

    /// <summary>The table an entity type is stored in (before the options' prefix and suffix).</summary>
    public const string TableName = Prefix + "TableName";

    /// <summary>On the model: the prefix of every table name (after the options' prefix).</summary>
    public const string TableNamePrefix = Prefix + "TableNamePrefix";

    /// <summary>The property explicitly chosen as the partition (HASH) key.</summary>
    public const string PartitionKeyName = Prefix + "PartitionKeyName";

    /// <summary>The property explicitly chosen as the sort (RANGE) key.</summary>
    public const string SortKeyName = Prefix + "SortKeyName";

    /// <summary>On a root entity type with a key of three or more properties: the name of its composite sort-key attribute.</summary>
    public const string CompositeSortKeyAttributeName = Prefix + "CompositeSortKeyAttributeName";

    /// <summary>The attribute name a property is stored under.</summary>
    public const string AttributeName = Prefix + "AttributeName";

    /// <summary>On a root entity type: its table's billing mode.</summary>
    public const string BillingMode = Prefix + "BillingMode";

    /// <summary>On a root entity type: its table's provisioned read capacity units.</summary>
    public const string ReadCapacityUnits = Prefix + "ReadCapacityUnits";

    /// <summary>On a root entity type: its table's provisioned write capacity units.</summary>
    public const string WriteCapacityUnits = Prefix + "WriteCapacityUnits";

    /// <summary>On a key or index-key property: the constant prefix of its key template (<c>CUSTOMER#</c>).</summary>
    public const string KeyPrefix = Prefix + "KeyPrefix";

    /// <summary>On a root entity type: its table's storage class.</summary>
    public const string TableClass = Prefix + "TableClass";

    /// <summary>On a root entity type: whether its table is protected from deletion.</summary>
    public const string DeletionProtection = Prefix + "DeletionProtection";

    /// <summary>On a root entity type: the name of the property DynamoDB's time to live reads.</summary>
    public const string TimeToLiveProperty = Prefix + "TimeToLiveProperty";

    /// <summary>On the model or an entity type: keep <c>CreatedAt</c>/<c>UpdatedAt</c> set on save.</summary>
    public const string Timestamps = Prefix + "Timestamps";

    /// <summary>On an index: the kind of DynamoDB secondary index it is; absent for an index DynamoDB ignores.</summary>
    public const string IndexKind = Prefix + "IndexKind";

    /// <summary>
    /// On a global secondary index with multi-attribute keys: how many of its leading properties are partition key
    /// attributes (the rest are sort key attributes); absent for one partition attribute.
    /// </summary>
    public const string IndexPartitionKeyCount = Prefix + "IndexPartitionKeyCount";

    /// <summary>On a secondary index: which attributes it projects.</summary>
    public const string IndexProjection = Prefix + "IndexProjection";

    /// <summary>On a secondary index with INCLUDE projection: the names of the projected non-key properties.</summary>
    public const string IndexIncludedProperties = Prefix + "IndexIncludedProperties";

    /// <summary>On a global secondary index: its provisioned read capacity units.</summary>
    public const string IndexReadCapacityUnits = Prefix + "IndexReadCapacityUnits";

    /// <summary>On a global secondary index: its provisioned write capacity units.</summary>
    public const string IndexWriteCapacityUnits = Prefix + "IndexWriteCapacityUnits";

    /// <summary>On the model or a generated integer key property: how many key values one counter request reserves.</summary>
    public const string KeyBlockSize = Prefix + "KeyBlockSize";

    /// <summary>On the model: the name of the table holding the counters of generated integer keys.</summary>
    public const string KeyCountersTable = Prefix + "KeyCountersTable";

    /// <summary>On the model: every EF index without a DynamoDB kind becomes a global secondary index.</summary>
    public const string MapIndexesToGlobalSecondaryIndexes = Prefix + "MapIndexesToGlobalSecondaryIndexes";

    /// <summary>On an index mapped by <see cref="MapIndexesToGlobalSecondaryIndexes" /> that has no name: the name it gets.</summary>
    public const string DefaultIndexName = Prefix + "DefaultIndexName";

    /// <summary>
    /// The table name EF's relational <c>ToTable</c> sets (read by name: the provider does not depend on the
    /// relational package).
    /// </summary>
    public const string RelationalTableName = "Relational:TableName";

    /// <summary>The index name EF's relational <c>HasDatabaseName</c> sets.</summary>
    public const string RelationalIndexName = "Relational:Name";
}
