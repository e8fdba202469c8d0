using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The requests of queries with operators run on the client (GroupBy, set operations, operators after Skip/Take):
/// each DynamoDB read is the one the query without them sends, ToQueryString names what runs on the client, and
/// what still cannot run fails naming the reason. Nothing is sent.
/// </summary>
public sealed class DynamoDbClientOperatorRequestTests : IDisposable
{
    private readonly ShopContext _db = TestContexts.Shop();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void GroupBy_of_a_partition_sends_the_partition_s_Query_and_names_the_client_operators()
    {
        var query = _db.Orders.Where(o => o.CustomerId == "c1").GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() });

        var request = RequestJson.Of(query);

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Contains("-- Then on the client, over the results: GroupBy, Select", RequestJson.Notes(query));
    }

    [Fact]
    public void A_set_operation_sends_each_side_s_request()
    {
        var query = _db.Orders.Where(o => o.CustomerId == "c1").Select(o => o.Total)
            .Union(_db.Orders.Where(o => o.CustomerId == "c2").Select(o => o.Total));

        var requests = RequestJson.All(query);

        Assert.Equal(["Query", "Query"], requests.Select(r => r.Member("Operation")));
        Assert.Contains("-- Then on the client, over the results: Union", RequestJson.Notes(query));
    }

    [Fact]
    public void Operators_after_Take_keep_the_Limit_of_the_Take()
    {
        var query = _db.Orders.Where(o => o.CustomerId == "c1").Take(3).OrderBy(o => o.Total);

        var request = RequestJson.Of(query);

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal(3, request.GetProperty("Limit").GetInt32());
        Assert.Contains("-- Then on the client, over the results: OrderBy", RequestJson.Notes(query));
    }

    [Fact]
    public void The_warning_is_logged_once_per_query_shape_naming_the_operators_and_the_entity_type()
    {
        var events = new List<EventData>();
        using var db = TestContexts.Scenario(
            b => b.Entity<Order>().HasKey(o => new { o.CustomerId, o.OrderId }),
            configure: o =>
            {
                o.LogTo((_, _) => true, events.Add);
                // Logged when a shape is compiled: the suite's shared query cache may evict it between the two runs.
                TestContexts.UseCompilationCountingCache(o);
            });

        for (var i = 0; i < 2; i++)
        {
            var customer = "c" + i;
            _ = db.Set<Order>().Where(o => o.CustomerId == customer).GroupBy(o => o.IsGift).Select(g => g.Count()).ToQueryString();
        }

        var warning = Assert.Single(events, e => e.EventId == DynamoDbEventId.ClientEvaluationWarning);
        Assert.Equal(DynamoDbStrings.ClientOperators("'GroupBy', 'Select'", "'Order'"), warning.ToString());
    }

    [Fact]
    public void A_join_on_the_inner_primary_key_looks_the_inner_items_up_with_BatchGetItem()
    {
        var text = _db.Orders.Join(_db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o.Total, c.Name }).ToQueryString();

        Assert.Contains("-- Lookup, by the keys the reads above return: 'Customer' by 'Id' (Join), with BatchGetItem", text);
        Assert.Contains("-- Then on the client, over the results: Join", text);
    }

    [Fact]
    public async Task ExecuteDelete_after_client_operators_fails_naming_them()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _db.Orders.Where(o => o.CustomerId == "c1").Take(2).Where(o => o.IsGift).ExecuteDeleteAsync());

        Assert.Contains(DynamoDbStrings.ExecuteAfterClientOperators("ExecuteDelete", "Where"), exception.Message);
    }

    [Fact]
    public async Task ToPageAsync_after_client_operators_fails_naming_them()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _db.Orders.Where(o => o.CustomerId == "c1").Select(o => o.Status).Distinct().Select(s => s.ToString()).ToPageAsync(10, null));

        Assert.Equal(DynamoDbStrings.PageAfterClientOperators("'Select'"), exception.Message);
    }

    [Fact]
    public void A_projection_that_counts_another_entity_set_reads_it_once_and_counts_on_the_client()
    {
        var text = _db.Customers.Select(c => new { c.Name, Orders = _db.Orders.Count(o => o.CustomerId == c.Id) }).ToQueryString();

        // The customers' Scan, then one read of the orders (not one per customer), then the count for each customer.
        Assert.Equal(2, text.Split("\"Operation\"").Length - 1);
        Assert.Contains("\"TableName\": \"Orders\"", text);
        Assert.Contains("-- Then on the client, over the results:", text);
    }

    [Fact]
    public void Count_of_distinct_entities_asks_DynamoDB_to_count()
    {
        var events = new List<EventData>();
        using var db = TestContexts.Scenario(
            b => b.Entity<Order>().HasKey(o => new { o.CustomerId, o.OrderId }),
            configure: o => o.LogTo((_, _) => true, events.Add));

        var query = db.Set<Order>().Where(o => o.CustomerId == "c1").Distinct();

        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.ClientEvaluationWarning);
        Assert.Equal("Query", RequestJson.Of(query).Member("Operation"));
    }

    [Fact]
    public void A_GetItem_projection_also_reads_the_partition_key()
    {
        var request = RequestJson.Of(_db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId == "o1").Select(o => o.Note));

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Equal(["CustomerId", "Note"], request.Names().Values.Order());
    }

    [Fact]
    public void Equals_across_two_CLR_types_sends_nothing()
    {
        long quantity = 2;

        var note = Assert.Single(RequestJson.Notes(_db.Orders.Where(o => o.CustomerId == "c1" && o.Quantity.Equals(quantity))));
        Assert.StartsWith("-- No request", note);
    }

    [Fact]
    public void Contains_of_a_byte_in_a_binary_attribute_is_checked_on_each_item()
    {
        // DynamoDB's contains() searches strings, sets and lists, not the bytes of a binary attribute: no filter can say it.
        using var db = TestContexts.Scenario(b => b.Entity<Ticket>().Ignore(t => t.Holder).Ignore(t => t.Holders));
        var query = db.Set<Ticket>().Where(t => t.Stamp!.Contains((byte)1));

        var request = RequestJson.Of(query);

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.False(request.TryGetProperty("FilterExpression", out _));
        Assert.Contains(RequestJson.Notes(query), n => n.StartsWith("-- Then checked by the provider on each returned item", StringComparison.Ordinal));
    }
}
