namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The dependent of the item-collection benchmark: an entry in its account's partition.</summary>
public class LedgerEntry
{
    public string Pk { get; set; } = "";

    public string Sk { get; set; } = "";

    public decimal Amount { get; set; }

    public LedgerAccount? Account { get; set; }
}
