namespace EFCore.DynamoDb.FunctionalTests.EnsureCreated;

/// <summary>Keyed by a string partition key and a numeric sort key (HasKey with two properties).</summary>
public class Shipment
{
    public string Carrier { get; set; } = "";

    public long Number { get; set; }

    public decimal Weight { get; set; }
}
