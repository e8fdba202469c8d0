namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>
/// An order, stored under its shop (partition key) and number (sort key), with an optional foreign key to its
/// customer that is sometimes null and sometimes names a customer that does not exist.
/// </summary>
public class Order
{
    public string Shop { get; set; } = "";

    public int Number { get; set; }

    public string? CustomerId { get; set; }

    public Customer? Customer { get; set; }

    public string ShipCity { get; set; } = "";

    public decimal Total { get; set; }

    public override string ToString() => FormattableString.Invariant($"{Shop}/{Number} {CustomerId} {ShipCity} {Total:0.00}");
}
