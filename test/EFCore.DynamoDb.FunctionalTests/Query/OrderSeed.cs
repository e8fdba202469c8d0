namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// The orders the query tests read: 40 orders over five customers (partitions) with values that vary
/// independently of each other, nulls in every nullable property, and one more order (c6/1) whose null
/// attributes are stored as NULL-typed values, as other tools write them.
/// </summary>
public static class OrderSeed
{
    /// <summary>The key of the order whose nulls are NULL-typed attributes.</summary>
    public const string NullTypedCustomer = "c6";

    /// <summary>A new list of the seeded orders.</summary>
    public static List<Order> Create()
    {
        var orders = new List<Order>();
        string?[] names = ["Alpha", "Beta", "Gamma", null];
        for (var i = 0; i < 40; i++)
        {
            orders.Add(new Order
            {
                CustomerId = "c" + (i % 5 + 1),
                OrderNumber = i / 5 + 1,
                Status = (OrderStatus)((i * 3 + i / 5) % 5),
                Name = names[i * 7 % 4],
                Date = new DateOnly(2024, 1, 1).AddDays(i * 9),
                Total = i * 37 % 50 * 5.25m - 20m,
                Quantity = i % 6 == 0 ? null : i % 9,
                Shipped = i % 3 == 0,
                Gift = (i % 4) switch { 0 => null, 1 => true, _ => false },
                Priority = (Priority)(i * 2 % 3),
                Escalation = (i % 5) switch { 2 => Priority.High, 4 => Priority.Low, _ => null },
                PlacedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(i % 5 - 2)).AddHours(i * 17),
                Discount = i % 8 == 0 ? null : i * 0.1,
                Note = i % 10 == 3 ? "fragile" : null,
            });
        }

        orders.Add(new Order
        {
            CustomerId = NullTypedCustomer,
            OrderNumber = 1,
            Status = OrderStatus.Paid,
            Date = new DateOnly(2024, 7, 1),
            Total = 42m,
            Priority = Priority.Normal,
            PlacedAt = new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.Zero),
        });
        return orders;
    }
}
