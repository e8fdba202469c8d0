using Amazon.DynamoDBv2.DataModel;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// The "mixed" payload: the flat item's attributes plus a list of strings (L), a set of strings (SS) and a nested map
/// of three fields (an owned entity for the provider, a nested object for DynamoDBContext).
/// </summary>
[DynamoDBTable(MixedItem.TableName)]
public class MixedItem
{
    /// <summary>The table of mixed items.</summary>
    public const string TableName = "Mixed";

    [DynamoDBHashKey]
    public string Pk { get; set; } = "";

    [DynamoDBRangeKey]
    public string Sk { get; set; } = "";

    public string Name { get; set; } = "";

    public int Quantity { get; set; }

    public bool Active { get; set; }

    public decimal Price { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<string> Tags { get; set; } = [];

    public HashSet<string> Labels { get; set; } = [];

    public ItemAddress? Address { get; set; }
}
