namespace EFCore.DynamoDb.FunctionalTests.SaveChanges;

/// <summary>
/// Keyed by a Guid partition key and a DateTime sort key stored under the renamed attributes "PK" and "SK"; the
/// amount is stored as "amt".
/// </summary>
public class LedgerEntry
{
    public Guid Tenant { get; set; }

    public DateTime At { get; set; }

    public decimal Amount { get; set; }
}
