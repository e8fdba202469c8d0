using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>
/// Collection navigations (<c>Include(c => c.Orders)</c>, <c>c.Orders.Count()</c>, <c>c.Orders.Any(…)</c>): the
/// principals' request, then the dependents looked up by foreign key — a Query of the orders' <c>ByCustomer</c> index
/// per distinct customer (the foreign key is its partition key), or, when no table or index has the foreign key as
/// partition key, one Scan of the dependents' table filtered by the principals' keys, with the scan warning naming the
/// navigation — grouped by foreign key on the client, never a request per row.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class CollectionNavigationTests(RelationshipsFixture fixture) : IClassFixture<RelationshipsFixture>
{
    private static readonly string[] CustomerIds = ["c008", "c015", "c064"];

    [Fact]
    public async Task Include_of_a_collection_queries_the_foreign_key_index_once_per_customer_and_fixes_up()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var customers = await context.Customers.Where(c => CustomerIds.Contains(c.Id)).Include(c => c.Orders).ToListAsync();

        var expected = fixture.Customers.Where(c => CustomerIds.Contains(c.Id)).ToList();
        Assert.Equal(expected.Select(Describe).Order(), customers.Select(Describe).Order());
        Assert.Equal(["BatchGetItem", "Query", "Query", "Query"], log.Operations);
        Assert.All(log.Requests.Skip(1), r => Assert.Equal("ByCustomer", r.IndexName));
        Assert.DoesNotContain(DynamoDbEventId.ScanQueryWarning, log.EventIds);
        Assert.All(customers, c => Assert.True(context.Entry(c).Collection(x => x.Orders).IsLoaded));
        Assert.All(customers.SelectMany(c => c.Orders.Select(o => (c, o))), p => Assert.Same(p.c, p.o.Customer));
    }

    [Fact]
    public async Task Include_of_a_collection_without_tracking_fills_the_collection_and_the_inverse()
    {
        await using var context = fixture.CreateContext();

        var customers = await context.Customers.AsNoTracking().Where(c => CustomerIds.Contains(c.Id)).Include(c => c.Orders).ToListAsync();

        Assert.Equal(fixture.Customers.Where(c => CustomerIds.Contains(c.Id)).Select(Describe).Order(), customers.Select(Describe).Order());
        Assert.Empty(context.ChangeTracker.Entries());
        Assert.All(customers.SelectMany(c => c.Orders.Select(o => (c, o))), p => Assert.Same(p.c, p.o.Customer));
    }

    [Fact]
    public async Task Filtered_include_with_Skip_keeps_only_the_rows_Skip_leaves_without_tracking()
    {
        await using var context = fixture.CreateContext();

        var customers = await context.Customers.AsNoTracking().Where(c => CustomerIds.Contains(c.Id))
            .Include(c => c.Orders.OrderBy(o => o.Number).Skip(1)).ToListAsync();

        var expected = fixture.Customers.Where(c => CustomerIds.Contains(c.Id))
            .Select(c => (c.Id, string.Join(",", c.Orders.OrderBy(o => o.Number).Skip(1).Select(o => o.Number))));
        Assert.Equal(expected.Order(), customers.Select(c => (c.Id, string.Join(",", c.Orders.Select(o => o.Number)))).Order());
        Assert.Contains(fixture.Customers, c => CustomerIds.Contains(c.Id) && c.Orders.Count > 0);
    }

    [Fact]
    public async Task Filtered_include_with_Skip_in_a_tracking_query_fails_translation_with_the_reason()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var message = (await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Customers.Where(c => CustomerIds.Contains(c.Id)).Include(c => c.Orders.OrderBy(o => o.Number).Skip(1)).ToListAsync())).Message;

        Assert.Contains("could not be translated", message);
        Assert.Contains("The filtered Include of 'Customer.Orders' uses Skip or Take in a tracking query", message);
        Assert.Empty(log.Operations);
    }

    [Fact]
    public async Task Count_of_a_collection_in_a_projection()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Customers.Where(c => CustomerIds.Contains(c.Id)).Select(c => new { c.Id, Count = c.Orders.Count() }).ToListAsync();

        var expected = fixture.Customers.Where(c => CustomerIds.Contains(c.Id)).Select(c => new { c.Id, Count = c.Orders.Count });
        Assert.Equal(expected.OrderBy(e => e.Id), actual.OrderBy(a => a.Id));
        Assert.Equal(["BatchGetItem", "Query", "Query", "Query"], log.Operations);
    }

    [Fact]
    public async Task Any_over_a_collection_in_a_predicate_queries_each_customer_s_orders()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Customers.Where(c => CustomerIds.Contains(c.Id)).Where(c => c.Orders.Any(o => o.Total > 70m)).Select(c => c.Id).ToListAsync();

        var expected = fixture.Customers.Where(c => CustomerIds.Contains(c.Id)).Where(c => c.Orders.Any(o => o.Total > 70m)).Select(c => c.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < CustomerIds.Length);
        Assert.Equal(expected.Order(), actual.Order());
        Assert.Equal(["BatchGetItem", "Query", "Query", "Query"], log.Operations);
    }

    [Fact]
    public async Task SelectMany_over_a_collection_queries_each_customer_s_orders()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Customers.Where(c => CustomerIds.Contains(c.Id)).SelectMany(c => c.Orders).Select(o => o.Number).ToListAsync();

        var expected = fixture.Customers.Where(c => CustomerIds.Contains(c.Id)).SelectMany(c => c.Orders).Select(o => o.Number);
        Assert.Equal(expected.Order(), actual.Order());
        Assert.Equal(["BatchGetItem", "Query", "Query", "Query"], log.Operations);
    }

    [Fact]
    public async Task Include_over_a_Scan_of_every_customer_queries_the_index_once_per_distinct_key_and_pages_each()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var customers = await context.Customers.AsNoTracking().Include(c => c.Orders).ToListAsync();

        Assert.Equal(fixture.Customers.Select(Describe).Order(), customers.Select(Describe).Order());
        Assert.Equal(["Scan", .. Enumerable.Repeat("Query", fixture.Customers.Count)], log.Operations);
    }

    [Fact]
    public async Task Sum_over_a_collection_in_a_projection()
    {
        await using var context = fixture.CreateContext();

        var actual = await context.Customers.Where(c => CustomerIds.Contains(c.Id)).Select(c => new { c.Id, Total = c.Orders.Sum(o => o.Total) }).ToListAsync();

        var expected = fixture.Customers.Where(c => CustomerIds.Contains(c.Id)).Select(c => new { c.Id, Total = c.Orders.Sum(o => o.Total) });
        Assert.Equal(expected.OrderBy(e => e.Id), actual.OrderBy(a => a.Id));
    }

    [Fact]
    public async Task Include_of_a_collection_whose_foreign_key_no_index_has_scans_the_dependents_once_with_the_warning()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var regions = await context.Regions.Include(r => r.Customers).ToListAsync();

        Assert.Equal(
            fixture.Regions.Select(r => r.Code + ": " + string.Join(",", r.Customers.Select(c => c.Id).Order())).Order(),
            regions.Select(r => r.Code + ": " + string.Join(",", r.Customers.Select(c => c.Id).Order())).Order());
        Assert.Equal(["Scan", "Scan"], log.Operations);
        var warning = Assert.Single(log.MessagesOf(DynamoDbEventId.ScanQueryWarning), m => m.Contains("lookup", StringComparison.Ordinal));
        Assert.Contains("'Region.Customers'", warning, StringComparison.Ordinal);
        Assert.Contains("'RegionCode'", warning, StringComparison.Ordinal);
        Assert.Contains("MapIndexesToGlobalSecondaryIndexes", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filtered_collection_in_a_tracking_projection_reads_and_tracks_only_the_rows_the_filter_keeps()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Customers.Where(c => CustomerIds.Contains(c.Id))
            .Select(c => new { Customer = c, Large = c.Orders.Where(o => o.Total > 40) })
            .ToListAsync();

        var expected = fixture.Customers.Where(c => CustomerIds.Contains(c.Id))
            .Select(c => c.Id + ": " + string.Join(",", c.Orders.Where(o => o.Total > 40).Select(o => o.Number).Order()));
        Assert.Equal(expected.Order(), actual.Select(a => a.Customer.Id + ": " + string.Join(",", a.Large.Select(o => o.Number).Order())).Order());
        Assert.Contains(fixture.Customers, c => CustomerIds.Contains(c.Id) && c.Orders.Any(o => o.Total <= 40));
        Assert.Contains(fixture.Customers, c => CustomerIds.Contains(c.Id) && c.Orders.Any(o => o.Total > 40));

        // The filter is the lookup's: only the orders it keeps are tracked, so fix-up fills each customer's Orders
        // with exactly those (as a relational provider's tracking query does).
        Assert.All(actual, a => Assert.Equal(a.Large.Count(), a.Customer.Orders.Count));
        Assert.Equal(actual.Count + actual.Sum(a => a.Large.Count()), context.ChangeTracker.Entries().Count());
        Assert.Equal(["BatchGetItem", "Query", "Query", "Query"], log.Operations);
    }

    private static string Describe(Customer customer)
        => customer + ": " + string.Join(",", customer.Orders.Select(o => o.Shop + "/" + o.Number).Order());
}
