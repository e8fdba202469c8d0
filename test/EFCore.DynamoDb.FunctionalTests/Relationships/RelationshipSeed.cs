namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>
/// The data of the relationship tests: three regions; 130 customers (more than one BatchGetItem's 100 keys), some
/// with no region and one with a region that does not exist; 150 orders in two shops, each customer's orders spread
/// over both, every tenth order without a customer and every thirteenth naming one that does not exist.
/// </summary>
public static class RelationshipSeed
{
    /// <summary>The id no customer has.</summary>
    public const string MissingCustomerId = "c999";

    /// <summary>The cities of the customers and of the orders' shipping addresses (shared, so joins on them repeat).</summary>
    public static readonly string[] Cities = ["Oslo", "Lima", "Pune", "Kyiv"];

    /// <summary>New, unconnected entities, as they are written (foreign keys only, navigations empty).</summary>
    public static (List<Region> Regions, List<Customer> Customers, List<Order> Orders) Create()
    {
        var regions = new List<Region>
        {
            new() { Code = "r1", Name = "North" },
            new() { Code = "r2", Name = "South" },
            new() { Code = "r3", Name = "Empty" },
        };
        var customers = Enumerable.Range(1, 130)
            .Select(i => new Customer
            {
                Id = $"c{i:000}",
                Name = $"Customer {(i * 37) % 131:000}",
                City = Cities[i % Cities.Length],
                RegionCode = i % 5 == 0 ? null : i == 7 ? "r9" : i % 2 == 0 ? "r1" : "r2",
            })
            .ToList();
        var orders = Enumerable.Range(1, 150)
            .Select(i => new Order
            {
                Shop = i % 3 == 0 ? "north" : "south",
                Number = i,
                CustomerId = i % 10 == 0 ? null : i % 13 == 0 ? MissingCustomerId : $"c{(i * 7) % 130 + 1:000}",
                ShipCity = Cities[(i / 2) % Cities.Length],
                Total = (i * 17) % 90 + 0.5m,
            })
            .ToList();
        return (regions, customers, orders);
    }

    /// <summary>The same entities with their navigations wired in both directions, for LINQ-to-Objects.</summary>
    public static (List<Region> Regions, List<Customer> Customers, List<Order> Orders) CreateConnected()
    {
        var (regions, customers, orders) = Create();
        foreach (var customer in customers)
        {
            customer.Region = regions.FirstOrDefault(r => r.Code == customer.RegionCode);
            customer.Region?.Customers.Add(customer);
        }

        foreach (var order in orders)
        {
            order.Customer = customers.FirstOrDefault(c => c.Id == order.CustomerId);
            order.Customer?.Orders.Add(order);
        }

        return (regions, customers, orders);
    }
}
