namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// An item of a given size: partition key Shard, sort key Seq; most are large, so that a Scan crosses several 1 MB
/// pages, and a few are hits.
/// </summary>
public class Chunk
{
    public string Shard { get; set; } = "";

    public int Seq { get; set; }

    public string Payload { get; set; } = "";

    public bool Hit { get; set; }

    public decimal Amount { get; set; }

    public int? Weight { get; set; }

    public double? Ratio { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Shard}/{Seq}";
}
