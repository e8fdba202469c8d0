namespace EFCore.DynamoDb.FunctionalTests.EnsureCreated;

/// <summary>
/// Keyed by HasPartitionKey/HasSortKey on a Guid and a DateTime, both stored as strings under renamed
/// attributes ("PK", "SK").
/// </summary>
public class LedgerEntry
{
    public Guid Tenant { get; set; }

    public DateTime At { get; set; }

    public decimal Amount { get; set; }
}
