using System.Text.Json;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// The provider reads with the cheapest operation that gives the exact result (GetItem, Query, Scan), asserted on
/// the RequestExecuted events the queries log, and warns about (or refuses) scans.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class AccessPathTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    [Fact]
    public async Task FindAsync_with_partition_and_sort_key_sends_one_GetItem()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var order = await context.Orders.FindAsync("c2", 3);

        Assert.Equal("c2/3", order?.ToString());
        Assert.Equal(["GetItem"], log.Operations);
        Assert.Equal(fixture.TableName("Orders"), log.Requests[0].TableName);
    }

    [Fact]
    public async Task FindAsync_on_a_partition_key_only_table_sends_one_GetItem()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var product = await context.Products.FindAsync("p2");

        Assert.Equal("Paper", product?.Name);
        Assert.Equal(["GetItem"], log.Operations);
    }

    [Fact]
    public async Task FindAsync_of_a_missing_key_returns_null_after_one_GetItem()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        Assert.Null(await context.Orders.FindAsync("c2", 99));
        Assert.Equal(["GetItem"], log.Operations);
    }

    [Fact]
    public async Task FindAsync_of_a_tracked_entity_sends_nothing()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var first = await context.Products.FindAsync("p1");
        log.Clear();

        var second = await context.Products.FindAsync("p1");

        Assert.Same(first, second);
        Assert.Empty(log.Operations);
    }

    [Fact]
    public async Task Where_with_equality_on_the_whole_key_sends_GetItem()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Orders.Where(o => o.CustomerId == "c4" && o.OrderNumber == 5).ToListAsync();

        Assert.Equal("c4/5", Assert.Single(orders).ToString());
        Assert.Equal(["GetItem"], log.Operations);
    }

    [Fact]
    public async Task FirstOrDefault_with_equality_on_a_partition_key_only_table_sends_GetItem()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var product = await context.Products.FirstOrDefaultAsync(p => p.Sku == "p3");

        Assert.Equal("Pencil", product?.Name);
        Assert.Equal(["GetItem"], log.Operations);
    }

    [Fact]
    public async Task Whole_key_and_another_condition_sends_Query_with_a_filter()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var missing = await context.Orders.Where(o => o.CustomerId == "c1" && o.OrderNumber == 1 && o.Total > 1000m).ToListAsync();

        Assert.Empty(missing);
        var request = Assert.Single(log.Requests);
        Assert.Equal("Query", request.Operation);
        using var details = JsonDocument.Parse(request.RequestDetails!);
        Assert.True(details.RootElement.TryGetProperty("FilterExpression", out _));
    }

    [Fact]
    public async Task Where_on_the_partition_key_sends_Query_with_only_a_key_condition()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var orders = await context.Orders.Where(o => o.CustomerId == "c1").ToListAsync();

        Assert.Equal(8, orders.Count);
        var request = Assert.Single(log.Requests);
        Assert.Equal("Query", request.Operation);
        Assert.Null(request.IndexName);
        using var details = JsonDocument.Parse(request.RequestDetails!);
        Assert.Equal(["CustomerId"], ReferencedNames(details, "KeyConditionExpression"));
        Assert.False(details.RootElement.TryGetProperty("FilterExpression", out _));
    }

    [Fact]
    public async Task Where_on_the_partition_key_and_a_sort_key_range_sends_Query_with_both_in_the_key_condition()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var orders = await context.Orders.Where(o => o.CustomerId == "c1" && o.OrderNumber > 6).ToListAsync();

        Assert.Equal(["c1/7", "c1/8"], orders.Select(o => o.ToString()));
        var request = Assert.Single(log.Requests);
        Assert.Equal("Query", request.Operation);
        using var details = JsonDocument.Parse(request.RequestDetails!);
        Assert.Equal(["CustomerId", "OrderNumber"], ReferencedNames(details, "KeyConditionExpression"));
        Assert.False(details.RootElement.TryGetProperty("FilterExpression", out _));
    }

    [Fact]
    public async Task Where_on_the_partition_key_and_a_non_key_attribute_sends_Query_with_a_filter()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var orders = await context.Orders.Where(o => o.CustomerId == "c1" && o.Status == OrderStatus.Shipped).ToListAsync();

        Assert.Equal(
            fixture.Orders.Where(o => o.CustomerId == "c1" && o.Status == OrderStatus.Shipped).Select(o => o.ToString()),
            orders.Select(o => o.ToString()));
        var request = Assert.Single(log.Requests);
        Assert.Equal("Query", request.Operation);
        using var details = JsonDocument.Parse(request.RequestDetails!);
        Assert.Equal(["CustomerId"], ReferencedNames(details, "KeyConditionExpression"));
        Assert.Equal(["Status"], ReferencedNames(details, "FilterExpression"));
    }

    [Fact]
    public async Task Where_on_a_non_key_attribute_sends_Scan_and_logs_ScanQueryWarning()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Orders.Where(o => o.Total > 200m && o.Shipped).ToListAsync();

        Assert.Equal(fixture.Orders.Count(o => o.Total > 200m && o.Shipped), orders.Count);
        Assert.Equal(["Scan"], log.Operations);
        Assert.Equal([DynamoDbEventId.ScanQueryWarning, DynamoDbEventId.RequestExecuted], log.EventIds);
    }

    [Fact]
    public async Task Query_and_GetItem_log_no_ScanQueryWarning()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        await context.Orders.Where(o => o.CustomerId == "c5" && o.Name != null).ToListAsync();
        await context.Orders.Where(o => o.CustomerId == "c5" && o.OrderNumber == 2).ToListAsync();

        Assert.Equal(["Query", "GetItem"], log.Operations);
        Assert.DoesNotContain(DynamoDbEventId.ScanQueryWarning, log.EventIds);
    }

    [Fact]
    public async Task ScanQueryWarning_configured_as_an_error_fails_a_scan_before_sending_anything()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ScanQueryWarning)));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Orders.Where(o => o.Status == OrderStatus.Paid).ToListAsync());

        Assert.Contains(nameof(DynamoDbEventId.ScanQueryWarning), exception.Message, StringComparison.Ordinal);
        Assert.Contains(fixture.TableName("Orders"), exception.Message, StringComparison.Ordinal);
        Assert.Empty(log.Operations);
    }

    [Fact]
    public async Task ScanQueryWarning_configured_as_an_error_still_allows_Query_and_GetItem()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ScanQueryWarning)));

        var orders = await context.Orders.Where(o => o.CustomerId == "c3" && o.Status != OrderStatus.Paid).ToListAsync();
        var order = await context.Orders.FindAsync("c3", 1);

        Assert.Equal(fixture.Orders.Count(o => o.CustomerId == "c3" && o.Status != OrderStatus.Paid), orders.Count);
        Assert.NotNull(order);
        Assert.Equal(["Query", "GetItem"], log.Operations);
    }

    [Fact]
    public async Task FirstOrDefault_on_a_partition_key_without_filter_asks_for_one_item()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var order = await context.Orders.FirstOrDefaultAsync(o => o.CustomerId == "c2");

        Assert.Equal("c2/1", order?.ToString());
        var request = Assert.Single(log.Requests);
        Assert.Equal("Query", request.Operation);
        using var details = JsonDocument.Parse(request.RequestDetails!);
        Assert.Equal(1, details.RootElement.GetProperty("Limit").GetInt32());
    }

    [Fact]
    public async Task SingleOrDefault_returns_the_only_match()
    {
        await using var context = fixture.CreateContext();

        var order = await context.Orders.SingleOrDefaultAsync(o => o.CustomerId == "c2" && o.OrderNumber > 7);

        Assert.Equal("c2/8", order?.ToString());
    }

    [Fact]
    public async Task SingleOrDefault_throws_when_two_items_match()
    {
        await using var context = fixture.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Orders.SingleOrDefaultAsync(o => o.CustomerId == "c2" && o.OrderNumber > 6));
    }

    [Fact]
    public async Task First_throws_when_nothing_matches()
    {
        await using var context = fixture.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Orders.FirstAsync(o => o.CustomerId == "nobody"));
    }

    [Fact]
    public async Task Equality_with_a_null_partition_key_returns_nothing_without_a_request()
    {
        string? customer = null;
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Orders.Where(o => o.CustomerId == customer).ToListAsync();

        Assert.Empty(orders);
        Assert.Empty(log.Operations);
    }

    [Fact]
    public async Task RequestExecuted_reports_the_table_elapsed_time_and_consumed_capacity()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        await context.Orders.Where(o => o.CustomerId == "c1").ToListAsync();

        var request = Assert.Single(log.Requests);
        Assert.Equal(fixture.TableName("Orders"), request.TableName);
        Assert.Null(request.IndexName);
        Assert.True(request.Elapsed > TimeSpan.Zero);
        Assert.True(request.ConsumedCapacityUnits > 0);
        Assert.Null(request.RequestDetails);
    }

    // The attribute names an expression of the logged request refers to, through its #placeholders.
    private static List<string> ReferencedNames(JsonDocument details, string expressionName)
    {
        var expression = details.RootElement.GetProperty(expressionName).GetString()!;
        return details.RootElement.GetProperty("ExpressionAttributeNames").EnumerateObject()
            .Where(p => System.Text.RegularExpressions.Regex.IsMatch(expression, System.Text.RegularExpressions.Regex.Escape(p.Name) + @"(?![A-Za-z0-9_])"))
            .Select(p => p.Value.GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
