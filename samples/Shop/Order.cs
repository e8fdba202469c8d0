namespace Shop;

/// <summary>An order, stored in the Orders table: partition key CustomerId, sort key OrderId.</summary>
public class Order
{
    public required string CustomerId { get; set; }

    public required string OrderId { get; set; }

    public decimal Total { get; set; }

    public OrderStatus Status { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    /// <summary>A row version the provider sets to 1 on add and increments on every update (optimistic concurrency).</summary>
    public int Version { get; set; }
}
