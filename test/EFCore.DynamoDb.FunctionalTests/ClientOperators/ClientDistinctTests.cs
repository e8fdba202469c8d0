using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.FunctionalTests.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.ClientOperators;

/// <summary>
/// Distinct applies at the level the query writes it: over whole entities (each item once already) a count counts
/// every item, under Take it takes distinct results, and a projection after it projects the distinct values.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ClientDistinctTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    [Fact]
    public async Task Count_of_Distinct_entities_counts_every_item_with_Select_COUNT()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        Assert.Equal(fixture.Orders.Distinct().Count(), await context.Orders.Distinct().CountAsync());
        Assert.Equal(fixture.Orders.Distinct().LongCount(), await context.Orders.Select(o => o).Distinct().LongCountAsync());
        Assert.Equal(["Scan", "Scan"], log.Operations);
        Assert.DoesNotContain(DynamoDbEventId.ClientEvaluationWarning, log.EventIds);
    }

    [Fact]
    public async Task Count_of_Take_after_Distinct_entities_counts_the_taken_items()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(5, await context.Orders.Distinct().Take(5).CountAsync());
        Assert.Equal(5, await context.Orders.Take(5).Distinct().CountAsync());
    }

    [Fact]
    public async Task Count_of_distinct_projected_values_counts_distinct_values()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(
            fixture.Orders.Select(o => new { o.Status, o.Shipped }).Distinct().Count(),
            await context.Orders.Select(o => new { o.Status, o.Shipped }).Distinct().CountAsync());
    }

    [Fact]
    public async Task A_projection_after_Distinct_projects_the_distinct_values_on_the_client()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders.Where(o => o.CustomerId == "c2")
            .Select(o => new { o.Status, First = o.Name!.Substring(0, 1), Foo = "Foo" })
            .Distinct()
            .Select(x => x.First)
            .ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c2")
            .Select(o => new { o.Status, First = o.Name == null ? null : o.Name.Substring(0, 1), Foo = "Foo" })
            .Distinct()
            .Select(x => x.First);
        Assert.Equal(expected.Order(), actual.Order());
        Assert.Equal(["Query"], log.Operations);
        Assert.Single(log.EventIds, e => e == DynamoDbEventId.ClientEvaluationWarning);
    }
}
