using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.OwnedTypes;

/// <summary>Four shoppers, written once through the provider; the tests that change one use shoppers of their own.</summary>
public sealed class OwnedTypesFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<OwnedTypesContext>(server)
{
    /// <summary>The seeded shoppers, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Shopper> Shoppers { get; } = Create();

    /// <summary>A text of every value of a shopper, owned ones included, for equality checks.</summary>
    public static string Describe(Shopper s)
        => $"{s.Id}|{s.Name}|{(s.Home is null ? "no home" : $"{s.Home.Street}/{s.Home.City}/{(s.Home.Location is null ? "-" : s.Home.Location.Lat + "," + s.Home.Location.Lon)}")}"
            + $"|[{string.Join(", ", s.Cart.Select(l => $"{l.Sku}x{l.Quantity}{(l.Discount is null ? "" : "-" + l.Discount.Percent + "%")}"))}]";

    /// <summary>A new shopper with a home and two cart lines.</summary>
    public static Shopper New(string id)
        => new()
        {
            Id = id,
            Name = "Name of " + id,
            Home = new Home { Street = "Here St 1", City = "Here", Location = new Location { Lat = 1.5, Lon = 2.5 } },
            Cart = [new CartLine { Sku = "a", Quantity = 1, Discount = new Discount { Percent = 10 } }, new CartLine { Sku = "b", Quantity = 2 }],
        };

    /// <inheritdoc />
    protected override async Task SeedAsync(OwnedTypesContext context)
    {
        context.Shoppers.AddRange(Create());
        await context.SaveChangesAsync();
    }

    private static List<Shopper> Create()
        =>
        [
            new() { Id = "s1", Name = "Ada", Home = new Home { Street = "Karl Johans gate 1", City = "Oslo", Location = new Location { Lat = 59.91, Lon = 10.75 } }, Cart = [new CartLine { Sku = "apple", Quantity = 3, Discount = new Discount { Percent = 5 } }, new CartLine { Sku = "pear", Quantity = 1 }] },
            new() { Id = "s2", Name = "Bo", Home = null, Cart = [] },
            new() { Id = "s3", Name = "Cy", Home = new Home { Street = "Main St 3", City = "Bergen" }, Cart = [new CartLine { Sku = "plum", Quantity = 12 }] },
            new() { Id = "s4", Name = "Di", Home = new Home { Street = "Ring 4", City = "Oslo", Location = new Location { Lat = 59.95, Lon = 10.8 } }, Cart = [] },
        ];
}
