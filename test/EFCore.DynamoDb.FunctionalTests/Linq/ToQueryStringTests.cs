using System.Text.Json;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// <c>ToQueryString()</c> shows the request(s) a query would send as JSON (operation, table, index, key condition,
/// filter, projection), values hidden unless sensitive data logging is on, and sends nothing.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ToQueryStringTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    [Fact]
    public async Task A_Query_shows_its_key_condition_and_filter_without_values()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var text = context.Tickets.Where(t => t.Project == "apollo" && t.Points > 3).ToQueryString();

        var request = Assert.Single(RequestJson.ParseQueryString(text));
        Assert.Equal("Query", request.String("Operation"));
        Assert.Equal(fixture.TableName("Tickets"), request.String("TableName"));
        Assert.Null(request.String("IndexName"));
        Assert.Equal(["Project"], request.ReferencedNames("KeyConditionExpression"));
        Assert.Equal(["Points"], request.ReferencedNames("FilterExpression"));
        Assert.Equal(["N:?", "S:?"], request.Values().Values.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("apollo", text, StringComparison.Ordinal);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task With_sensitive_data_logging_the_values_are_shown()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var text = context.Tickets.Where(t => t.Project == "apollo" && t.Points > 3).ToQueryString();

        var request = Assert.Single(RequestJson.ParseQueryString(text));
        Assert.Equal(["N:3", "S:apollo"], request.Values().Values.Order(StringComparer.Ordinal));
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task An_index_Query_shows_the_index_projection_order_and_limit()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var text = context.Tickets.Where(t => t.Assignee == "ben").OrderByDescending(t => t.Opened).Select(t => new { t.Code, t.Title }).Take(3).ToQueryString();

        var request = Assert.Single(RequestJson.ParseQueryString(text));
        Assert.Equal(("Query", "ByAssignee"), (request.String("Operation"), request.String("IndexName")));
        Assert.Equal(["Assignee"], request.ReferencedNames("KeyConditionExpression"));
        Assert.Contains("Code", request.ProjectedNames());
        Assert.Contains("Title", request.ProjectedNames());
        Assert.False(request.Bool("ScanIndexForward"));
        Assert.Equal(3, request.Int("Limit"));
        Assert.Equal(["S:ben"], request.Values().Values);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task A_Scan_shows_its_filter()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var text = context.Tickets.Where(t => t.Title.Contains("sync") || t.Spent == null).ToQueryString();

        var request = Assert.Single(RequestJson.ParseQueryString(text));
        Assert.Equal("Scan", request.String("Operation"));
        Assert.Equal(["Spent", "Title"], request.ReferencedNames("FilterExpression"));
        Assert.Contains("contains(", request.String("FilterExpression"), StringComparison.Ordinal);
        Assert.Contains("attribute_not_exists(", request.String("FilterExpression"), StringComparison.Ordinal);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task GetItem_and_BatchGetItem_show_their_keys()
    {
        var codes = Enumerable.Range(1, 150).Select(i => "BUG-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var get = Assert.Single(RequestJson.ParseQueryString(context.Tickets.Where(t => t.Project == "apollo" && t.Code == "BUG-001").ToQueryString()));
        var batches = RequestJson.ParseQueryString(context.Tickets.Where(t => t.Project == "apollo" && codes.Contains(t.Code)).ToQueryString());

        Assert.Equal("GetItem", get.String("Operation"));
        Assert.Equal("BUG-001", get.GetProperty("Key").GetProperty("Code").GetProperty("S").GetString());
        Assert.Equal(["BatchGetItem", "BatchGetItem"], batches.Select(b => b.String("Operation")));
        Assert.Equal(
            [100, 50],
            batches.Select(b => b.GetProperty("RequestItems").GetProperty(fixture.TableName("Tickets")).GetProperty("Keys").GetArrayLength()));
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task A_parallel_scan_shows_one_request_per_segment()
    {
        await using var context = fixture.CreateContext();

        var requests = RequestJson.ParseQueryString(context.Tickets.WithParallelScan(3).Where(t => t.Points == 4).ToQueryString());

        Assert.Equal([0, 1, 2], requests.Select(r => r.Int("Segment")!.Value));
        Assert.All(requests, r => Assert.Equal(("Scan", 3), (r.String("Operation"), r.Int("TotalSegments"))));
    }

    [Fact]
    public async Task Key_conditions_checked_on_the_returned_items_are_named_in_a_comment()
    {
        await using var context = fixture.CreateContext();

        var text = context.Tickets.Where(t => t.Project == "apollo" && t.Code != "BUG-001").ToQueryString();

        Assert.Equal("Query", Assert.Single(RequestJson.ParseQueryString(text)).String("Operation"));
        Assert.Contains("-- Then checked on each returned item", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_captured_null_on_a_sparse_index_key_shows_the_table_scan_it_sends_instead()
    {
        string? assignee = null;
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var request = Assert.Single(RequestJson.ParseQueryString(context.Tickets.Where(t => t.Assignee == assignee).ToQueryString()));

        Assert.Equal(("Scan", null), (request.String("Operation"), request.String("IndexName")));
        Assert.Equal(["Assignee"], request.ReferencedNames("FilterExpression"));
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task A_projection_shows_its_one_request_and_sends_nothing()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var text = context.Tickets.Where(t => t.Project == "cygnus").Select(t => t.Points).ToQueryString();

        Assert.Equal(JsonValueKind.Object, Assert.Single(RequestJson.ParseQueryString(text)).ValueKind);
        Assert.Empty(log.Requests);
    }
}
