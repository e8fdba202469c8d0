namespace EFCore.DynamoDb.FunctionalTests.KeyTemplates;

/// <summary>
/// Keyed by "CUSTOMER#" + CustomerId and "ORDER#" + OrderNumber (an int, zero-padded), in attributes PK and SK;
/// the ByStatus index is keyed by "STATUS#" + Status and "DAY#" + PlacedOn.
/// </summary>
public class CustomerOrder
{
    public string CustomerId { get; set; } = "";

    public int OrderNumber { get; set; }

    public string Status { get; set; } = "";

    public DateOnly PlacedOn { get; set; }

    public decimal Total { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{CustomerId}/{OrderNumber}";
}
