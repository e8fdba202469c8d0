using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.FunctionalTests.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.ClientOperators;

/// <summary>
/// GroupBy runs on the client over the items the query's one DynamoDB request returns: the groups and their
/// aggregates equal LINQ-to-Objects' over the same seed, the request is the one the query without GroupBy sends
/// (a Query stays a Query), and ClientEvaluationWarning names the operators.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ClientGroupByTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    [Fact]
    public async Task GroupBy_a_partition_with_aggregates_reads_it_with_one_Query()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var (actual, expected) = await RunAsync(context, q => q.Where(o => o.CustomerId == "c1")
            .GroupBy(o => o.Status)
            .Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(o => o.Total), Max = g.Max(o => o.Quantity), Average = g.Average(o => o.Total) }));

        Assert.Equal(expected.OrderBy(g => g.Key), actual.OrderBy(g => g.Key));
        Assert.Equal(["Query"], log.Operations);
        Assert.Single(log.EventIds, e => e == DynamoDbEventId.ClientEvaluationWarning);
    }

    [Fact]
    public async Task GroupBy_a_composite_key_with_a_counted_predicate_reads_the_table_with_one_Scan()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var (actual, expected) = await RunAsync(context, q => q
            .GroupBy(o => new { o.Status, o.Shipped })
            .Select(g => new { g.Key.Status, g.Key.Shipped, Positive = g.Count(o => o.Total > 0), All = g.LongCount() }));

        Assert.Equal(expected.OrderBy(g => g.Status).ThenBy(g => g.Shipped), actual.OrderBy(g => g.Status).ThenBy(g => g.Shipped));
        Assert.Equal(["Scan"], log.Operations);
    }

    [Fact]
    public async Task GroupBy_with_an_element_selector_aggregates_the_selected_values()
    {
        await using var context = fixture.CreateContext();

        var (actual, expected) = await RunAsync(context, q => q
            .GroupBy(o => o.CustomerId, o => o.Total)
            .Select(g => new { g.Key, Sum = g.Sum(), Min = g.Min(), Count = g.Count(t => t > 0) }));

        Assert.Equal(expected.OrderBy(g => g.Key), actual.OrderBy(g => g.Key));
    }

    [Fact]
    public async Task GroupBy_with_a_result_selector_returns_its_results()
    {
        await using var context = fixture.CreateContext();

        var (actual, expected) = await RunAsync(context, q => q
            .GroupBy(o => o.Priority, (key, orders) => new { key, Count = orders.Count(), Latest = orders.Max(o => o.Date) }));

        Assert.Equal(expected.OrderBy(g => g.key), actual.OrderBy(g => g.key));
    }

    [Fact]
    public async Task Operators_after_GroupBy_run_on_the_groups()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders.Where(o => o.CustomerId == "c3" || o.CustomerId == "c4")
            .GroupBy(o => o.Name)
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .Where(g => g.Count > 1)
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Name)
            .FirstAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c3" || o.CustomerId == "c4")
            .GroupBy(o => o.Name)
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .Where(g => g.Count > 1)
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Name)
            .First();
        Assert.Equal(expected, actual);
        Assert.Equal(["Scan"], log.Operations);
    }

    [Fact]
    public async Task GroupBy_returning_the_groups_returns_tracked_entities()
    {
        await using var context = fixture.CreateContext();

        var groups = await context.Orders.Where(o => o.CustomerId == "c5").GroupBy(o => o.Shipped).ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c5").GroupBy(o => o.Shipped).ToList();
        Assert.Equal(expected.Select(g => (g.Key, g.Count())).Order(), groups.Select(g => (g.Key, g.Count())).Order());
        Assert.Equal(expected.Sum(g => g.Count()), context.ChangeTracker.Entries<Order>().Count());
    }

    [Fact]
    public async Task An_application_method_in_a_group_key_fails_as_EF_reports_it()
    {
        await using var context = fixture.CreateContext();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Orders.GroupBy(o => KeyOf(o)).Select(g => g.Count()).ToListAsync());

        Assert.Contains("could not be translated", exception.Message);
    }

    private static string KeyOf(Order order) => order.CustomerId;

    [Fact]
    public async Task GroupBy_a_new_object_of_a_class_groups_by_its_member_values_as_a_database_does()
    {
        await using var context = fixture.CreateContext();

        // StatusKey has reference equality: LINQ-to-Objects would make one group per order. A database groups
        // by the values the key is built from, and so does the provider.
        var actual = await context.Orders
            .GroupBy(o => new StatusKey { Status = o.Status, Shipped = o.Shipped })
            .Select(g => new { g.Key.Status, g.Key.Shipped, Count = g.Count() })
            .ToListAsync();

        var expected = fixture.Orders
            .GroupBy(o => (o.Status, o.Shipped))
            .Select(g => new { g.Key.Status, g.Key.Shipped, Count = g.Count() })
            .ToList();
        Assert.True(expected.Count < fixture.Orders.Count);
        Assert.Equal(
            expected.OrderBy(g => g.Status).ThenBy(g => g.Shipped),
            actual.OrderBy(g => g.Status).ThenBy(g => g.Shipped));
    }

    [Fact]
    public async Task GroupBy_projecting_the_group_elements_themselves_fails_translation_as_in_relational_providers()
    {
        await using var context = fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Orders
            .GroupBy(o => o.CustomerId, (key, orders) => new { key, orders })
            .Select(g => g.orders.Average(o => o.OrderNumber))
            .ToListAsync());

        Assert.Contains("could not be translated", error.Message);
        Assert.Contains("The GroupBy result selector uses the group's elements other than through an operator", error.Message);
    }

    /// <summary>A grouping key class without value equality.</summary>
    private sealed class StatusKey
    {
        public OrderStatus Status { get; init; }

        public bool Shipped { get; init; }
    }

    // The same query through EF and over the seed with LINQ-to-Objects.
    private async Task<(List<T> Actual, List<T> Expected)> RunAsync<T>(OrdersContext context, Func<IQueryable<Order>, IQueryable<T>> query)
        => (await query(context.Orders).ToListAsync(), query(fixture.Orders.AsQueryable()).ToList());
}
