namespace EFCore.DynamoDb.FunctionalTests.Timestamps;

/// <summary>Declares its own DateTimeOffset timestamps, which timestamps keep set.</summary>
public class Invoice
{
    public string Id { get; set; } = "";

    public decimal Amount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
