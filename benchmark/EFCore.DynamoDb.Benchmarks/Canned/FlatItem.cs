using Amazon.DynamoDBv2.DataModel;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The "flat" payload: string partition and sort keys and one attribute of each common scalar type.</summary>
[DynamoDBTable(FlatItem.FlatTableName)]
public class FlatItem
{
    /// <summary>The table of flat items.</summary>
    public const string FlatTableName = "Flat";

    [DynamoDBHashKey]
    public string Pk { get; set; } = "";

    [DynamoDBRangeKey]
    public string Sk { get; set; } = "";

    public string Name { get; set; } = "";

    public int Quantity { get; set; }

    public bool Active { get; set; }

    public decimal Price { get; set; }

    public DateTime CreatedAt { get; set; }
}
