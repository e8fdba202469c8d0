using System.Linq.Expressions;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.FunctionalTests.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.ClientOperators;

/// <summary>
/// EF's top-level client projection: anything in the final Select runs on the client over the attributes it reads
/// (a ProjectionExpression of exactly those), with no warning, as in every EF provider.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ClientProjectionTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    [Fact]
    public async Task Method_calls_conditionals_nested_anonymous_types_and_arrays_are_projected_on_the_client()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var projection = Projection(o => new
        {
            Label = o.CustomerId.ToUpperInvariant() + "-" + o.OrderNumber.ToString("000"),
            Size = o.Total > 50m ? "large" : o.Total > 0m ? "small" : "credit",
            Inner = new { o.Status, Rounded = Math.Round(o.Total / 3m, 2) },
            Numbers = new[] { o.OrderNumber, o.Quantity ?? -1 },
            Month = o.Date.Month,
        });

        var actual = await context.Orders.Where(o => o.CustomerId == "c2").OrderBy(o => o.OrderNumber).Select(projection).ToListAsync();

        var expected = fixture.Orders.AsQueryable().Where(o => o.CustomerId == "c2").OrderBy(o => o.OrderNumber).Select(projection).ToList();
        Assert.Equal(expected.Select(e => e.Label), actual.Select(a => a.Label));
        Assert.Equal(expected.Select(e => (e.Size, e.Inner, e.Month)), actual.Select(a => (a.Size, a.Inner, a.Month)));
        Assert.Equal(expected.SelectMany(e => e.Numbers), actual.SelectMany(a => a.Numbers));
        Assert.Equal(["Query"], log.Operations);
        Assert.DoesNotContain(DynamoDbEventId.ClientEvaluationWarning, log.EventIds);
    }

    [Fact]
    public async Task A_collection_of_scalars_built_in_the_projection_can_be_queried_on_the_client()
    {
        await using var context = fixture.CreateContext();

        var projection = Projection(o => new[] { o.OrderNumber, o.Quantity ?? 0 }.Concat(new[] { 100 }).Where(n => n > 1).Count());

        var actual = await context.Orders.Where(o => o.CustomerId == "c4").Select(projection).ToListAsync();

        var expected = fixture.Orders.AsQueryable().Where(o => o.CustomerId == "c4").Select(projection);
        Assert.Equal(expected.Order(), actual.Order());
    }

    [Fact]
    public async Task A_filter_on_a_computed_projection_runs_on_the_client_over_the_projected_values()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders.Where(o => o.CustomerId == "c2").Select(o => new { o.OrderNumber, Double = o.Total * 2 })
            .Where(x => x.Double > 3).ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c2").Select(o => new { o.OrderNumber, Double = o.Total * 2 })
            .Where(x => x.Double > 3).ToList();
        Assert.Equal(expected.OrderBy(e => e.OrderNumber), actual.OrderBy(a => a.OrderNumber));
        Assert.Equal(["Query"], log.Operations);
        Assert.Contains(DynamoDbEventId.ClientEvaluationWarning, log.EventIds);
    }

    [Fact]
    public async Task A_method_on_a_missing_attribute_projects_null_and_keeps_the_item()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        // c2/1 has no Name: a GetItem projecting only Name returns an item without attributes.
        var actual = await context.Orders.Where(o => o.CustomerId == "c2" && o.OrderNumber == 1)
            .Select(o => new { Index = (int?)o.Name!.IndexOf(""), Upper = o.Name.ToUpper(), o.Name })
            .ToListAsync();

        var row = Assert.Single(actual);
        Assert.Null(row.Index);
        Assert.Null(row.Upper);
        Assert.Null(row.Name);
        Assert.Equal(["GetItem"], log.Operations);
    }

    [Fact]
    public async Task A_projection_that_counts_another_entity_set_reads_it_once()
    {
        List<Product> products;
        await using (var reading = fixture.CreateContext())
        {
            products = await reading.Products.AsNoTracking().ToListAsync();
        }

        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders.Where(o => o.CustomerId == "c1")
            .Select(o => new { o.OrderNumber, Products = context.Products.Count(p => p.Price > o.Total) })
            .ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c1")
            .Select(o => new { o.OrderNumber, Products = products.Count(p => p.Price > o.Total) });
        Assert.Equal(expected.OrderBy(e => e.OrderNumber), actual.OrderBy(a => a.OrderNumber));
        Assert.Equal(["Query", "Scan"], log.Operations);
    }

    // One projection for EF and for LINQ-to-Objects, its result type inferred (anonymous types included).
    private static Expression<Func<Order, T>> Projection<T>(Expression<Func<Order, T>> projection) => projection;
}
