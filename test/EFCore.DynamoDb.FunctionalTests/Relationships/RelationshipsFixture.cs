using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>The <see cref="RelationshipSeed" /> data, written once per test class.</summary>
public sealed class RelationshipsFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<RelationshipsContext>(server)
{
    private readonly (List<Region> Regions, List<Customer> Customers, List<Order> Orders) _data = RelationshipSeed.CreateConnected();

    /// <summary>The regions as stored, navigations wired, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Region> Regions => _data.Regions;

    /// <summary>The customers as stored, navigations wired, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Customer> Customers => _data.Customers;

    /// <summary>The orders as stored, navigations wired, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Order> Orders => _data.Orders;

    /// <inheritdoc />
    protected override async Task SeedAsync(RelationshipsContext context)
    {
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        var (regions, customers, orders) = RelationshipSeed.Create();
        context.Regions.AddRange(regions);
        context.Customers.AddRange(customers);
        context.Orders.AddRange(orders);
        await context.SaveChangesAsync();
    }
}
