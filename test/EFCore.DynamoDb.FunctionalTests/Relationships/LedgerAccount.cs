namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>
/// The principal of an item collection: an account stored as the <c>PROFILE</c> item of its own partition, whose
/// entries share that partition (single-table design).
/// </summary>
public class LedgerAccount
{
    public string Pk { get; set; } = "";

    public string Sk { get; set; } = "PROFILE";

    public string Owner { get; set; } = "";

    public List<LedgerEntry> Entries { get; set; } = [];

    public override string ToString() => $"{Pk} {Owner}";
}
