namespace EFCore.DynamoDb.FunctionalTests.BatchWrites;

/// <summary>A partition key and a sort key, both with key prefixes (stored "AISLE#…" and "POS#…").</summary>
public class Slot
{
    public string Aisle { get; set; } = "";

    public string Position { get; set; } = "";

    public string Label { get; set; } = "";

    public int Load { get; set; }
}
