namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>Partition key CustomerId (also the foreign key to Customer), sort key OrderId.</summary>
public class Order
{
    public string CustomerId { get; set; } = "";

    public string OrderId { get; set; } = "";

    public decimal Total { get; set; }

    public OrderStatus Status { get; set; }

    public int? Quantity { get; set; }

    public string? Note { get; set; }

    public bool IsGift { get; set; }

    public DateTime PlacedAt { get; set; }

    public Customer? Customer { get; set; }
}
