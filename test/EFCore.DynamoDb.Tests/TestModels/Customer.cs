namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>Keyed by a string Id; has a collection navigation to its orders (a foreign key on Order).</summary>
public class Customer
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Email { get; set; }

    public List<Order> Orders { get; set; } = [];
}
