using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.FunctionalTests.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.ClientOperators;

/// <summary>
/// Union, Concat, Intersect and Except of two queries: each side sends its own request (a partition's Query stays
/// a Query), and the results are combined on the client with LINQ's semantics.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ClientSetOperationTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    public static TheoryData<string> Operations => new(["Union", "Concat", "Intersect", "Except"]);

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Set_operation_of_two_partitions_projections_sends_one_Query_each(string operation)
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await Combine(operation, Statuses(context.Orders, "c1"), Statuses(context.Orders, "c2")).ToListAsync();

        var expected = Combine(operation, Statuses(fixture.Orders.AsQueryable(), "c1"), Statuses(fixture.Orders.AsQueryable(), "c2"));
        Assert.Equal(expected.Order(), actual.Order());
        Assert.Equal(["Query", "Query"], log.Operations);
        Assert.Single(log.EventIds, e => e == DynamoDbEventId.ClientEvaluationWarning);
    }

    [Fact]
    public async Task Concat_of_entities_returns_both_sides()
    {
        await using var context = fixture.CreateContext();

        var actual = await context.Orders.Where(o => o.CustomerId == "c1").Concat(context.Orders.Where(o => o.Total > 100m)).ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c1").Concat(fixture.Orders.Where(o => o.Total > 100m));
        Assert.Equal(expected.Select(o => o.ToString()).Order(), actual.Select(o => o.ToString()).Order());
    }

    [Fact]
    public async Task Union_of_tracked_entities_returns_each_entity_once()
    {
        await using var context = fixture.CreateContext();

        var actual = await context.Orders.Where(o => o.CustomerId == "c1").Union(context.Orders.Where(o => o.Total > 100m)).ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c1" || o.Total > 100m);
        Assert.Equal(expected.Select(o => o.ToString()).Order(), actual.Select(o => o.ToString()).Order());
    }

    [Fact]
    public async Task Operators_after_a_set_operation_run_on_its_results()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders.Where(o => o.CustomerId == "c1").Select(o => o.Total)
            .Union(context.Orders.Where(o => o.CustomerId == "c3").Select(o => o.Total))
            .OrderByDescending(t => t)
            .Take(3)
            .SumAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c1").Select(o => o.Total)
            .Union(fixture.Orders.Where(o => o.CustomerId == "c3").Select(o => o.Total))
            .OrderByDescending(t => t)
            .Take(3)
            .Sum();
        Assert.Equal(expected, actual);
        Assert.Equal(["Query", "Query"], log.Operations);
    }

    private static IQueryable<OrderStatus> Statuses(IQueryable<Order> orders, string customerId)
        => orders.Where(o => o.CustomerId == customerId).Select(o => o.Status);

    private static IQueryable<OrderStatus> Combine(string operation, IQueryable<OrderStatus> first, IQueryable<OrderStatus> second)
        => operation switch
        {
            "Union" => first.Union(second),
            "Concat" => first.Concat(second),
            "Intersect" => first.Intersect(second),
            _ => first.Except(second),
        };
}
