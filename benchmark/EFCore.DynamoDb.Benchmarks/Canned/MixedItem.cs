using Amazon.DynamoDBv2.DataModel;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// The "mixed" payload: the flat item's attributes plus a list of strings (L), a set of strings (SS) and a nested map
/// of three fields (an owned entity for the provider, a nested object for DynamoDBContext).
/// </summary>
[DynamoDBTable(MixedItem.MixedTableName)]
public class MixedItem : FlatItem
{
    /// <summary>The table of mixed items.</summary>
    public const string MixedTableName = "Mixed";

    public List<string> Tags { get; set; } = [];

    public HashSet<string> Labels { get; set; } = [];

    public ItemAddress? Address { get; set; }
}
