using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// In the spirit of EF's specification tests: every <see cref="OrderPredicates" /> predicate returns the same orders
/// from DynamoDB as from LINQ-to-Objects over the same seed, through the operation it must become.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class QueryComparisonTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    public static TheoryData<string> PredicateNames => new(OrderPredicates.All.Keys);

    [Theory]
    [MemberData(nameof(PredicateNames))]
    public async Task Where_returns_the_same_orders_as_LINQ_to_Objects(string name)
    {
        var (predicate, operation) = OrderPredicates.All[name];
        var expected = Keys(fixture.Orders.Where(LinqToObjects.Compile(predicate)));
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = Keys(await context.Orders.Where(predicate).ToListAsync());

        Assert.Equal(expected, actual);
        Assert.Equal([operation], log.Operations.Distinct());
        if (OrderPredicates.ExpectedEmpty.Contains(name))
        {
            Assert.Empty(expected);
        }
        else
        {
            Assert.InRange(expected.Count, 1, fixture.Orders.Count - 1);
        }
    }

    [Theory]
    [MemberData(nameof(PredicateNames))]
    public async Task Where_without_tracking_returns_the_same_orders_as_LINQ_to_Objects(string name)
    {
        var (predicate, _) = OrderPredicates.All[name];
        var expected = Keys(fixture.Orders.Where(LinqToObjects.Compile(predicate)));
        await using var context = fixture.CreateContext();

        var actual = Keys(await context.Orders.AsNoTracking().Where(predicate).ToListAsync());

        Assert.Equal(expected, actual);
        Assert.Empty(context.ChangeTracker.Entries());
    }

    [Theory]
    [MemberData(nameof(PredicateNames))]
    public async Task FirstOrDefault_returns_one_of_the_orders_LINQ_to_Objects_returns(string name)
    {
        var (predicate, _) = OrderPredicates.All[name];
        var expected = Keys(fixture.Orders.Where(LinqToObjects.Compile(predicate)));
        await using var context = fixture.CreateContext();

        var first = await context.Orders.FirstOrDefaultAsync(predicate);

        if (expected.Count == 0)
        {
            Assert.Null(first);
        }
        else
        {
            Assert.NotNull(first);
            Assert.Contains(Key(first), expected);
        }
    }

    [Fact]
    public async Task Materialized_orders_equal_the_seeded_orders()
    {
        await using var context = fixture.CreateContext();

        var orders = await context.Orders.Where(o => o.CustomerId == "c2" || o.CustomerId == "c6").ToListAsync();

        var seeded = fixture.Orders.Where(o => o.CustomerId is "c2" or "c6").ToDictionary(Key);
        Assert.Equal(seeded.Count, orders.Count);
        foreach (var order in orders)
        {
            var expected = seeded[Key(order)];
            Assert.Equal(
                (expected.Status, expected.Name, expected.Date, expected.Total, expected.Quantity, expected.Shipped, expected.Gift),
                (order.Status, order.Name, order.Date, order.Total, order.Quantity, order.Shipped, order.Gift));
            Assert.Equal(
                (expected.Priority, expected.Escalation, expected.PlacedAt.UtcTicks, expected.Discount, expected.Note),
                (order.Priority, order.Escalation, order.PlacedAt.UtcTicks, order.Discount, order.Note));
        }
    }

    [Fact]
    public async Task Await_foreach_streams_the_same_orders_as_ToListAsync()
    {
        await using var context = fixture.CreateContext();
        var streamed = new List<Order>();

        await foreach (var order in context.Orders.Where(o => o.CustomerId == "c3").AsAsyncEnumerable())
        {
            streamed.Add(order);
        }

        Assert.Equal(Keys(fixture.Orders.Where(o => o.CustomerId == "c3")), Keys(streamed));
    }

    [Fact]
    public async Task A_query_with_new_captured_values_returns_the_new_results()
    {
        await using var context = fixture.CreateContext();

        foreach (var customer in new[] { "c1", "c2", "c5", "nobody" })
        {
            var orders = await context.Orders.Where(o => o.CustomerId == customer && o.OrderNumber > 2).ToListAsync();

            Assert.Equal(Keys(fixture.Orders.Where(o => o.CustomerId == customer && o.OrderNumber > 2)), Keys(orders));
        }
    }

    [Fact]
    public async Task Query_results_are_in_sort_key_order_within_a_partition()
    {
        await using var context = fixture.CreateContext();

        var orders = await context.Orders.Where(o => o.CustomerId == "c4").ToListAsync();

        Assert.Equal(Enumerable.Range(1, 8), orders.Select(o => o.OrderNumber));
    }

    private static List<string> Keys(IEnumerable<Order> orders) => orders.Select(Key).Order(StringComparer.Ordinal).ToList();

    private static string Key(Order order) => order.CustomerId + "/" + order.OrderNumber;
}
