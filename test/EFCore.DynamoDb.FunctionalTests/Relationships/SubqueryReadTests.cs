using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>
/// Subqueries no key lookup serves (one that reads nothing of the outer row, one nested in another) read their entity
/// set once per execution, and run on the client for each outer row; and an operator's predicate with a subquery
/// (<c>Count(c => c.Orders.Any(…))</c>) filters before the operator counts.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class SubqueryReadTests(RelationshipsFixture fixture) : IClassFixture<RelationshipsFixture>
{
    private static readonly string[] CustomerIds = ["c008", "c015", "c064"];

    [Fact]
    public async Task A_subquery_that_reads_nothing_of_the_outer_row_reads_its_entity_set_once()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Orders.Where(o => o.Total > context.Orders.Average(x => x.Total)).ToListAsync();

        var average = fixture.Orders.Average(x => x.Total);
        Assert.Equal(fixture.Orders.Where(o => o.Total > average).Select(o => o.ToString()).Order(), orders.Select(o => o.ToString()).Order());
        Assert.NotEmpty(orders);
        Assert.Equal(["Scan", "Scan"], log.Operations);
        Assert.Contains(DynamoDbEventId.ScanQueryWarning, log.EventIds);
    }

    [Fact]
    public async Task Count_with_a_collection_predicate_counts_only_the_rows_it_keeps()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var count = await context.Customers.CountAsync(c => c.Orders.Any(o => o.Total > 60));

        var expected = fixture.Customers.Count(c => c.Orders.Any(o => o.Total > 60));
        Assert.Equal(expected, count);
        Assert.NotEqual(fixture.Customers.Count, expected);
        // The customers' Scan, then their orders by the orders' ByCustomer index: a Query per customer.
        Assert.Equal(["Scan", .. fixture.Customers.Select(_ => "Query")], log.Operations);
    }

    [Fact]
    public async Task All_with_a_collection_predicate_is_checked_on_every_row()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(
            fixture.Customers.All(c => c.Orders.Any()),
            await context.Customers.AllAsync(c => c.Orders.Any()));
        Assert.Equal(
            fixture.Customers.Where(c => CustomerIds.Contains(c.Id)).All(c => c.Orders.Count < 3),
            await context.Customers.Where(c => CustomerIds.Contains(c.Id)).AllAsync(c => c.Orders.Count() < 3));
    }

    [Fact]
    public async Task A_subquery_nested_in_a_looked_up_one_reads_its_set_once()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Customers.Where(c => CustomerIds.Contains(c.Id))
            .Select(c => new { c.Id, Count = c.Orders.Count(o => context.Customers.Any(x => x.City == o.ShipCity)) })
            .ToListAsync();

        var expected = fixture.Customers.Where(c => CustomerIds.Contains(c.Id))
            .Select(c => new { c.Id, Count = c.Orders.Count(o => fixture.Customers.Any(x => x.City == o.ShipCity)) });
        Assert.Equal(expected.OrderBy(e => e.Id), actual.OrderBy(a => a.Id));
        Assert.Equal(["BatchGetItem", "Query", "Query", "Query", "Scan"], log.Operations);
    }

    [Fact]
    public async Task SelectMany_without_a_result_selector_is_each_customer_with_each_of_its_orders()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Customers.Where(c => CustomerIds.Contains(c.Id)).SelectMany(c => c.Orders).ToListAsync();

        var expected = fixture.Customers.Where(c => CustomerIds.Contains(c.Id)).SelectMany(c => c.Orders);
        Assert.Equal(expected.Select(o => o.ToString()).Order(), orders.Select(o => o.ToString()).Order());
        Assert.NotEmpty(orders);
        Assert.Equal(["BatchGetItem", "Query", "Query", "Query"], log.Operations);
    }
}
