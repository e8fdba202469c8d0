using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>
/// The application's own joins: the inner side looked up by the join key (BatchGetItem when it is the inner table's
/// key, a Query per key when it is the partition key of a table or index, else one Scan with the scan warning), joined on the client with EF's semantics: an inner join drops the
/// orders with no match, a left join keeps them with no customer, a key matching many items pairs with each.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class JoinTests(RelationshipsFixture fixture) : IClassFixture<RelationshipsFixture>
{
    [Fact]
    public async Task Join_on_the_inner_key_batch_gets_the_matching_customers()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await (from o in context.Orders
                            where o.Shop == "north"
                            join c in context.Customers on o.CustomerId equals c.Id
                            select new { o.Number, c.Name }).ToListAsync();

        var expected = from o in fixture.Orders
                       where o.Shop == "north"
                       join c in fixture.Customers on o.CustomerId equals c.Id
                       select new { o.Number, c.Name };
        Assert.Equal(expected.OrderBy(e => e.Number), actual.OrderBy(a => a.Number));
        Assert.Equal(["Query", "BatchGetItem"], log.Operations);
    }

    [Fact]
    public async Task Left_join_keeps_orders_without_a_customer()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await (from o in context.Orders
                            where o.Shop == "north"
                            join c in context.Customers on o.CustomerId equals c.Id into customers
                            from c in customers.DefaultIfEmpty()
                            select new { o.Number, Name = c == null ? null : c.Name }).ToListAsync();

        var expected = from o in fixture.Orders
                       where o.Shop == "north"
                       join c in fixture.Customers on o.CustomerId equals c.Id into customers
                       from c in customers.DefaultIfEmpty()
                       select new { o.Number, Name = c == null ? null : c.Name };
        Assert.Equal(expected.OrderBy(e => e.Number), actual.OrderBy(a => a.Number));
        Assert.Contains(actual, a => a.Name is null);
        Assert.Equal(["Query", "BatchGetItem"], log.Operations);
    }

    [Fact]
    public async Task Left_join_reads_a_nullable_value_of_a_missing_order_as_null_not_the_default()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await (from c in context.Customers
                            join o in context.Orders on c.Id equals o.CustomerId into orders
                            from o in orders.DefaultIfEmpty()
                            select new { c.Id, Number = (int?)o.Number }).ToListAsync();

        var expected = (from c in fixture.Customers
                        join o in fixture.Orders on c.Id equals o.CustomerId into orders
                        from o in orders.DefaultIfEmpty()
                        select new { c.Id, Number = o == null ? null : (int?)o.Number }).ToList();
        Assert.Contains(expected, e => e.Number is null);
        Assert.Equal(expected.OrderBy(e => e.Id).ThenBy(e => e.Number), actual.OrderBy(a => a.Id).ThenBy(a => a.Number));
        // The join key is the partition key of the orders' ByCustomer index: a Query of it per distinct customer.
        Assert.Equal(["Scan", .. Enumerable.Repeat("Query", fixture.Customers.Count)], log.Operations);
    }

    [Fact]
    public async Task Join_on_an_attribute_that_is_no_key_scans_the_inner_table_once_with_the_warning_and_pairs_every_match()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await (from o in context.Orders
                            where o.Shop == "north" && o.Number < 10
                            join c in context.Customers on o.ShipCity equals c.City
                            select new { o.Number, c.Id }).ToListAsync();

        var expected = (from o in fixture.Orders
                        where o.Shop == "north" && o.Number < 10
                        join c in fixture.Customers on o.ShipCity equals c.City
                        select new { o.Number, c.Id }).ToList();
        Assert.True(expected.Count > expected.Select(e => e.Number).Distinct().Count());
        Assert.Equal(expected.OrderBy(e => e.Number).ThenBy(e => e.Id), actual.OrderBy(a => a.Number).ThenBy(a => a.Id));
        Assert.Equal(["Query", "Scan"], log.Operations);
        Assert.Contains(DynamoDbEventId.ScanQueryWarning, log.EventIds);
    }

    [Fact]
    public async Task Join_keeps_the_outer_order()
    {
        await using var context = fixture.CreateContext();

        var actual = await (from o in context.Orders.Where(o => o.Shop == "south").OrderByDescending(o => o.Number)
                            join c in context.Customers on o.CustomerId equals c.Id
                            select o.Number).ToListAsync();

        var expected = from o in fixture.Orders.Where(o => o.Shop == "south").OrderByDescending(o => o.Number)
                       join c in fixture.Customers on o.CustomerId equals c.Id
                       select o.Number;
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task SelectMany_over_another_DbSet_reads_it_once_and_pairs_every_row()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await (from o in context.Orders
                            where o.Shop == "north" && o.Number < 10
                            from r in context.Regions
                            select new { o.Number, r.Code }).ToListAsync();

        var expected = from o in fixture.Orders
                       where o.Shop == "north" && o.Number < 10
                       from r in fixture.Regions
                       select new { o.Number, r.Code };
        Assert.Equal(expected.OrderBy(e => e.Number).ThenBy(e => e.Code), actual.OrderBy(a => a.Number).ThenBy(a => a.Code));
        Assert.Equal(["Query", "Scan"], log.Operations);
    }
}
