namespace Shop;

/// <summary>A shop customer, stored in the Customers table keyed by Id.</summary>
public class Customer
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }
}
