namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// An order: partition key CustomerId, sort key OrderNumber; several attribute names are DynamoDB reserved words
/// (Status, Name, Date, and Quantity stored as "Count").
/// </summary>
public class Order
{
    public string CustomerId { get; set; } = "";

    public int OrderNumber { get; set; }

    public OrderStatus Status { get; set; }

    public string? Name { get; set; }

    public DateOnly Date { get; set; }

    public decimal Total { get; set; }

    public int? Quantity { get; set; }

    public bool Shipped { get; set; }

    public bool? Gift { get; set; }

    public Priority Priority { get; set; }

    public Priority? Escalation { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public double? Discount { get; set; }

    public string? Note { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{CustomerId}/{OrderNumber}";
}
