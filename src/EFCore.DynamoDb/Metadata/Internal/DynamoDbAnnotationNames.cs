namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>The names of the model annotations the provider reads and writes.</summary>
public static class DynamoDbAnnotationNames
{
    /// <summary>The prefix of every DynamoDB annotation.</summary>
    public const string Prefix = "DynamoDb:";

    /// <summary>The table an entity type is stored in (before the options' prefix and suffix).</summary>
    public const string TableName = Prefix + "TableName";

    /// <summary>The property explicitly chosen as the partition (HASH) key.</summary>
    public const string PartitionKeyName = Prefix + "PartitionKeyName";

    /// <summary>The property explicitly chosen as the sort (RANGE) key.</summary>
    public const string SortKeyName = Prefix + "SortKeyName";

    /// <summary>The attribute name a property is stored under.</summary>
    public const string AttributeName = Prefix + "AttributeName";

    /// <summary>The runtime cache of a property's attribute reader/writer information.</summary>
    public const string ItemLayout = Prefix + "ItemLayout";
}
