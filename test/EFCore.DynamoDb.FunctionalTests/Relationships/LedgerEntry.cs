namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>A dependent of an item collection: an entry stored in its account's partition, which is its foreign key.</summary>
public class LedgerEntry
{
    public string Pk { get; set; } = "";

    public string Sk { get; set; } = "";

    public decimal Amount { get; set; }

    public LedgerAccount? Account { get; set; }

    public override string ToString() => FormattableString.Invariant($"{Pk}/{Sk} {Amount:0.00}");
}
