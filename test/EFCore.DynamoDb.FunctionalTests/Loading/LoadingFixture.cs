using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Loading;

/// <summary>Three shoppers (one without baskets) and five baskets, in tables with the foreign-key GSI.</summary>
public class LoadingFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<LoadingContext>(server)
{
    /// <summary>The seed, for LINQ-to-Objects expectations.</summary>
    public static IReadOnlyList<Basket> SeedBaskets { get; } =
    [
        new() { Id = "b1", ShopperId = "ann", Total = 5 },
        new() { Id = "b2", ShopperId = "ann", Total = 15 },
        new() { Id = "b3", ShopperId = "ann", Total = 25 },
        new() { Id = "b4", ShopperId = "bob", Total = 40 },
        new() { Id = "b5", ShopperId = "bob", Total = 2 },
    ];

    /// <inheritdoc />
    protected override async Task SeedAsync(LoadingContext context)
    {
        context.Shoppers.AddRange(new Shopper { Id = "ann", Name = "Ann" }, new Shopper { Id = "bob", Name = "Bob" }, new Shopper { Id = "cy", Name = "Cy" });
        context.Baskets.AddRange(SeedBaskets.Select(b => new Basket { Id = b.Id, ShopperId = b.ShopperId, Total = b.Total }));
        await context.SaveChangesAsync();
    }
}

/// <summary>The same data in tables without the GSI: loading the collection has to Scan.</summary>
public class UnindexedLoadingFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<UnindexedLoadingContext>(server)
{
    /// <inheritdoc />
    protected override async Task SeedAsync(UnindexedLoadingContext context)
    {
        context.Shoppers.Add(new Shopper { Id = "ann", Name = "Ann" });
        context.Baskets.AddRange(LoadingFixture.SeedBaskets.Where(b => b.ShopperId == "ann").Select(b => new Basket { Id = b.Id, ShopperId = b.ShopperId, Total = b.Total }));
        await context.SaveChangesAsync();
    }
}
