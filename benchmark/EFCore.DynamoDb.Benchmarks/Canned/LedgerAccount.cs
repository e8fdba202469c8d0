namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The principal of the item-collection benchmark: an account, the <c>PROFILE</c> item of its partition.</summary>
public class LedgerAccount
{
    public string Pk { get; set; } = "";

    public string Sk { get; set; } = "PROFILE";

    public string Owner { get; set; } = "";

    public List<LedgerEntry> Entries { get; set; } = [];
}
