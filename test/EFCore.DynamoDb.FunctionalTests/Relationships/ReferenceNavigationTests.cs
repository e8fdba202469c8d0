using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>
/// Reference navigations (<c>Include(o => o.Customer)</c>, <c>o.Customer.City</c> in filters, projections and
/// orderings, <c>ThenInclude</c>): the orders' request, then the distinct foreign-key values looked up on the
/// customers' table with BatchGetItem (at most 100 keys a request), joined on the client with EF's semantics.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ReferenceNavigationTests(RelationshipsFixture fixture) : IClassFixture<RelationshipsFixture>
{
    [Fact]
    public async Task Include_reads_the_orders_then_batch_gets_their_distinct_customers_and_fixes_up_both_directions()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Orders.Include(o => o.Customer).ToListAsync();

        Assert.Equal(fixture.Orders.Select(Describe).Order(), orders.Select(Describe).Order());
        Assert.Equal(["Scan", .. BatchGets(fixture.Orders)], log.Operations);
        Assert.All(orders, o => Assert.True(context.Entry(o).Reference(x => x.Customer).IsLoaded));
        Assert.All(orders.Where(o => o.Customer is not null), o => Assert.Contains(o, o.Customer!.Orders));
        Assert.Equal(
            fixture.Orders.Where(o => o.Customer is not null).Select(o => o.CustomerId).Distinct().Count(),
            context.ChangeTracker.Entries<Customer>().Count());
        // The same customer, one instance, for each of its orders.
        Assert.All(
            orders.Where(o => o.Customer is not null).GroupBy(o => o.CustomerId),
            g => Assert.Single(g.Select(o => o.Customer).Distinct(ReferenceEqualityComparer.Instance)));
    }

    [Fact]
    public async Task Include_without_tracking_sets_the_navigation_and_its_inverse()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Orders.AsNoTracking().Where(o => o.Shop == "north").Include(o => o.Customer).ToListAsync();

        var expected = fixture.Orders.Where(o => o.Shop == "north").ToList();
        Assert.Equal(expected.Select(Describe).Order(), orders.Select(Describe).Order());
        Assert.Equal(["Query", .. BatchGets(expected)], log.Operations);
        Assert.Empty(context.ChangeTracker.Entries());
        Assert.All(orders.Where(o => o.Customer is not null), o => Assert.Contains(o, o.Customer!.Orders));
    }

    [Fact]
    public async Task Include_with_identity_resolution_gives_each_customer_one_instance()
    {
        await using var context = fixture.CreateContext();

        var orders = await context.Orders.AsNoTrackingWithIdentityResolution().Include(o => o.Customer).ToListAsync();

        Assert.Equal(fixture.Orders.Select(Describe).Order(), orders.Select(Describe).Order());
        Assert.Empty(context.ChangeTracker.Entries());
        Assert.All(
            orders.Where(o => o.Customer is not null).GroupBy(o => o.CustomerId),
            g => Assert.Single(g.Select(o => o.Customer).Distinct(ReferenceEqualityComparer.Instance)));
    }

    [Fact]
    public async Task A_null_foreign_key_or_one_naming_a_missing_customer_includes_no_customer()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Orders
            .Where(o => o.CustomerId == null || o.CustomerId == RelationshipSeed.MissingCustomerId)
            .Include(o => o.Customer)
            .ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == null || o.CustomerId == RelationshipSeed.MissingCustomerId).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(Describe).Order(), orders.Select(Describe).Order());
        Assert.All(orders, o => Assert.Null(o.Customer));
        // Only the missing customer's key is looked up: the null keys are no key at all.
        Assert.Equal(["Scan", "BatchGetItem"], log.Operations);
    }

    [Fact]
    public async Task Orders_without_any_foreign_key_send_no_lookup()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Orders.Where(o => o.Shop == "north" && o.CustomerId == null).Include(o => o.Customer).ToListAsync();

        Assert.Equal(fixture.Orders.Count(o => o.Shop == "north" && o.CustomerId == null), orders.Count);
        Assert.All(orders, o => Assert.Null(o.Customer));
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public async Task A_filter_through_the_navigation_runs_on_the_looked_up_customers()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders.Where(o => o.Shop == "south").Where(o => o.Customer!.City == "Oslo").Select(o => o.Number).ToListAsync();

        var south = fixture.Orders.Where(o => o.Shop == "south").ToList();
        Assert.Equal(south.Where(o => o.Customer?.City == "Oslo").Select(o => o.Number).Order(), actual.Order());
        // The condition on the order's own key, in the Where before the navigation's, still reaches DynamoDB: a Query
        // of the shop, not a Scan. (Written in the same Where as the navigation's condition it is checked on the
        // client after a Scan: splitting a predicate around the join is not done yet.)
        Assert.Equal(["Query", .. BatchGets(south)], log.Operations);
    }

    [Fact]
    public async Task The_order_s_own_conditions_in_the_same_Where_as_the_navigation_s_reach_the_main_request()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders.Where(o => o.Shop == "south" && o.Customer!.City == "Oslo" && o.Total > 20m).Select(o => o.Number).ToListAsync();

        var south = fixture.Orders.Where(o => o.Shop == "south" && o.Total > 20m).ToList();
        Assert.Equal(south.Where(o => o.Customer?.City == "Oslo").Select(o => o.Number).Order(), actual.Order());
        // A Query of the shop filtered by the total, then only the customers of the orders it returned.
        Assert.Equal(["Query", .. BatchGets(south)], log.Operations);
    }

    [Fact]
    public async Task A_filter_on_an_unmapped_member_through_the_navigation_fails_translation_naming_the_member()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var message = (await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Orders.Where(o => o.Shop == "south").Where(o => o.Customer!.IsInOslo).ToListAsync())).Message;

        Assert.Contains("could not be translated", message);
        Assert.Contains("Translation of member 'IsInOslo' on entity type 'Customer' failed", message);
        Assert.Empty(log.Operations);
    }

    [Fact]
    public async Task A_projection_through_the_navigation_is_null_without_a_customer()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders.Where(o => o.Shop == "north").Select(o => new { o.Number, o.Customer!.Name }).ToListAsync();

        var north = fixture.Orders.Where(o => o.Shop == "north").ToList();
        Assert.Equal(
            north.Select(o => (o.Number, o.Customer?.Name)).Order(),
            actual.Select(a => (a.Number, (string?)a.Name)).Order());
        Assert.Equal(["Query", .. BatchGets(north)], log.Operations);
    }

    [Fact]
    public async Task An_ordering_through_the_navigation_keeps_EF_order_with_missing_customers_first()
    {
        await using var context = fixture.CreateContext();

        var actual = await context.Orders.Where(o => o.Shop == "north")
            .OrderBy(o => o.Customer!.Name)
            .ThenBy(o => o.Number)
            .Select(o => o.Number)
            .ToListAsync();

        var expected = fixture.Orders.Where(o => o.Shop == "north").OrderBy(o => o.Customer?.Name, StringComparer.Ordinal).ThenBy(o => o.Number).Select(o => o.Number);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task ThenInclude_looks_up_each_level_once()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Orders.Where(o => o.Shop == "north").Include(o => o.Customer).ThenInclude(c => c!.Region).ToListAsync();

        var expected = fixture.Orders.Where(o => o.Shop == "north").ToList();
        Assert.Equal(
            expected.Select(o => Describe(o) + " " + o.Customer?.Region?.Name).Order(),
            orders.Select(o => Describe(o) + " " + o.Customer?.Region?.Name).Order());
        Assert.Equal(["Query", "BatchGetItem", "BatchGetItem"], log.Operations);
        Assert.All(
            orders.Where(o => o.Customer is not null),
            o => Assert.True(context.Entry(o.Customer!).Reference(c => c.Region).IsLoaded));
    }

    [Fact]
    public async Task Take_limits_the_orders_before_their_customers_are_looked_up()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Orders.Where(o => o.Shop == "south").OrderBy(o => o.Number).Include(o => o.Customer).Take(3).ToListAsync();

        var expected = fixture.Orders.Where(o => o.Shop == "south").OrderBy(o => o.Number).Take(3);
        Assert.Equal(expected.Select(Describe), orders.Select(Describe));
        Assert.Equal(["Query", "BatchGetItem"], log.Operations);
    }

    [Fact]
    public async Task First_with_Include_reads_one_order_and_its_customer()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var order = await context.Orders.Where(o => o.Shop == "south").OrderBy(o => o.Number).Include(o => o.Customer).FirstAsync();

        Assert.Equal(Describe(fixture.Orders.Where(o => o.Shop == "south").OrderBy(o => o.Number).First()), Describe(order));
        Assert.Equal(["Query", "BatchGetItem"], log.Operations);
    }

    // `o.Customer.Id == x` and `o.Customer == customer` are not yet rewritten to a comparison of the foreign key: the
    // customers are looked up and compared on the client (right results, one lookup more than needed).
    [Fact]
    public async Task Comparing_the_navigation_s_key_looks_the_customers_up_today()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders.Where(o => o.Shop == "north" && o.Customer!.Id == "c064").Select(o => o.Number).ToListAsync();

        var expected = fixture.Orders.Where(o => o.Shop == "north" && o.Customer?.Id == "c064").Select(o => o.Number).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), actual.Order());
        Assert.Equal(["Query", .. BatchGets(fixture.Orders.Where(o => o.Shop == "north"))], log.Operations);
    }

    [Fact]
    public async Task Entity_equality_with_a_customer_looks_the_customers_up_today()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var customer = await context.Customers.SingleAsync(c => c.Id == "c064");
        log.Clear();

        var actual = await context.Orders.Where(o => o.Customer == customer).Select(o => new { o.Shop, o.Number }).ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c064").Select(o => new { o.Shop, o.Number }).ToList();
        Assert.True(expected.Count > 1);
        Assert.Equal(expected.OrderBy(e => e.Number), actual.OrderBy(a => a.Number));
        Assert.Equal(["Scan", .. BatchGets(fixture.Orders)], log.Operations);
    }

    [Fact]
    public async Task ToQueryString_shows_the_main_request_and_the_lookup()
    {
        await using var context = fixture.CreateContext();

        var text = context.Orders.Where(o => o.Shop == "north").Include(o => o.Customer).ToQueryString();

        Assert.Contains("Query", text, StringComparison.Ordinal);
        Assert.Contains("Lookup", text, StringComparison.Ordinal);
        Assert.Contains("BatchGetItem", text, StringComparison.Ordinal);
    }

    // The order and the customer it holds, if any.
    private static string Describe(Order order) => order + " -> " + order.Customer;

    // The BatchGetItem requests that look up the customers of these orders: their distinct non-null keys, 100 a request.
    private static IEnumerable<string> BatchGets(IEnumerable<Order> orders)
        => Enumerable.Repeat("BatchGetItem", (orders.Select(o => o.CustomerId).OfType<string>().Distinct().Count() + 99) / 100);
}
