namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>An item of the resilience tests: partition key Shard, sort key Seq; the large ones make a Query span pages.</summary>
public class Parcel
{
    public string Shard { get; set; } = "";

    public int Seq { get; set; }

    public string Payload { get; set; } = "";

    public int Weight { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Shard}/{Seq}";
}
