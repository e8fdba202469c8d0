namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>A partition-key-only entity with a secondary index on Route and room for a large Notes value.</summary>
public class Parcel
{
    public string Id { get; set; } = "";

    public string Label { get; set; } = "";

    public int Weight { get; set; }

    public double Score { get; set; }

    public string? Route { get; set; }

    public string? Notes { get; set; }
}
