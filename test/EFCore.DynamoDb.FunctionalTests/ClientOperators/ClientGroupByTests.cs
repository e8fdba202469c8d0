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

        var actual = await context.Orders.Where(o => o.CustomerId == "c1")
            .GroupBy(o => o.Status)
            .Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(o => o.Total), Max = g.Max(o => o.Quantity), Average = g.Average(o => o.Total) })
            .ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c1")
            .GroupBy(o => o.Status)
            .Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(o => o.Total), Max = g.Max(o => o.Quantity), Average = g.Average(o => o.Total) });
        Assert.Equal(expected.OrderBy(g => g.Key), actual.OrderBy(g => g.Key));
        Assert.Equal(["Query"], log.Operations);
        Assert.Single(log.EventIds, e => e == DynamoDbEventId.ClientEvaluationWarning);
    }

    [Fact]
    public async Task GroupBy_a_composite_key_with_a_counted_predicate_reads_the_table_with_one_Scan()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders
            .GroupBy(o => new { o.Status, o.Shipped })
            .Select(g => new { g.Key.Status, g.Key.Shipped, Positive = g.Count(o => o.Total > 0), All = g.LongCount() })
            .ToListAsync();

        var expected = fixture.Orders
            .GroupBy(o => new { o.Status, o.Shipped })
            .Select(g => new { g.Key.Status, g.Key.Shipped, Positive = g.Count(o => o.Total > 0), All = g.LongCount() });
        Assert.Equal(expected.OrderBy(g => g.Status).ThenBy(g => g.Shipped), actual.OrderBy(g => g.Status).ThenBy(g => g.Shipped));
        Assert.Equal(["Scan"], log.Operations);
    }
}
