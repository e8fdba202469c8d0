namespace Shop;

/// <summary>Where an order is in its life.</summary>
public enum OrderStatus
{
    Placed,
    Shipped,
    Delivered,
}
