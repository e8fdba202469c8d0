namespace EFCore.DynamoDb.Benchmarks;

/// <summary>The benchmarked entity: a typical order item with a composite key and a few scalar attributes.</summary>
public class Order
{
    public string CustomerId { get; set; } = "";

    public string OrderId { get; set; } = "";

    public decimal Total { get; set; }

    public OrderStatus Status { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public string? Note { get; set; }
}
