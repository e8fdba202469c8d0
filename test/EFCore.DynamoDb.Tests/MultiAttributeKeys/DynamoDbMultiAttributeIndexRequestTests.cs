using System.Text.Json;
using System.Text.RegularExpressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Tests.MultiAttributeKeys;

/// <summary>
/// The requests the access-path chooser builds for a global index with a multi-attribute key: a Query only with
/// <c>==</c> on every partition attribute, its key condition naming each attribute of the leading run of sort
/// attributes, ordered by them with ScanIndexForward; never otherwise.
/// </summary>
public class DynamoDbMultiAttributeIndexRequestTests
{
    private static ScenarioContext Orders(List<EventData>? events = null, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Order>(o =>
            {
                o.HasKey(x => new { x.CustomerId, x.OrderId });
                o.Ignore(x => x.Customer);
                o.HasGlobalSecondaryIndex("ByStatusTotal", x => new { x.Status, x.Total }, x => new { x.PlacedAt, x.OrderId });
            }),
            configure: events is null ? null : o => o.LogTo((_, _) => true, events.Add),
            scenario: nameof(DynamoDbMultiAttributeIndexRequestTests) + "." + scenario);

    private static readonly DateTime Day = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    // The key condition with each #name placeholder replaced by its attribute and each :value by its "type:text".
    private static string KeyCondition(JsonElement request)
    {
        var names = request.Names();
        var values = request.Values();
        var text = request.Member("KeyConditionExpression")!;
        text = Regex.Replace(text, "#[A-Za-z0-9_]+", m => names[m.Value]);
        return Regex.Replace(text, ":[A-Za-z0-9_]+", m => values[m.Value]);
    }

    [Fact]
    public void Equality_on_every_partition_attribute_queries_the_index()
    {
        using var db = Orders();

        var request = RequestJson.Of(db.Set<Order>().Where(o => o.Status == OrderStatus.Shipped && o.Total == 10m));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("ByStatusTotal", request.Member("IndexName"));
        Assert.Equal("Status = N:1 AND Total = N:10", KeyCondition(request));
        Assert.Null(request.Member("FilterExpression"));
    }

    [Fact]
    public void A_leading_run_of_sort_attributes_ends_with_a_range()
    {
        using var db = Orders();

        var request = RequestJson.Of(db.Set<Order>().Where(o => o.Status == OrderStatus.Shipped && o.Total == 10m && o.PlacedAt > Day));

        Assert.Equal("Status = N:1 AND Total = N:10 AND PlacedAt > S:2026-03-01T00:00:00.0000000Z", KeyCondition(request));
    }

    [Fact]
    public void Equality_on_all_but_the_last_sort_attribute_and_StartsWith_on_the_last_is_one_key_condition()
    {
        using var db = Orders();

        var request = RequestJson.Of(db.Set<Order>().Where(o =>
            o.OrderId.StartsWith("2026-") && o.PlacedAt == Day && o.Total == 10m && o.Status == OrderStatus.Shipped));

        Assert.Equal(
            "Status = N:1 AND Total = N:10 AND PlacedAt = S:2026-03-01T00:00:00.0000000Z AND begins_with(OrderId, S:2026-)",
            KeyCondition(request));
        Assert.Null(request.Member("FilterExpression"));
    }

    [Fact]
    public void A_range_on_both_ends_of_the_last_sort_attribute_is_one_BETWEEN()
    {
        using var db = Orders();

        var request = RequestJson.Of(db.Set<Order>().Where(o =>
            o.Status == OrderStatus.Shipped && o.Total == 10m && o.PlacedAt == Day && string.Compare(o.OrderId, "a") >= 0 && string.Compare(o.OrderId, "m") <= 0));

        Assert.Equal(
            "Status = N:1 AND Total = N:10 AND PlacedAt = S:2026-03-01T00:00:00.0000000Z AND OrderId BETWEEN S:a AND S:m",
            KeyCondition(request));
    }

    [Fact]
    public void A_condition_on_a_later_sort_attribute_without_the_earlier_one_is_checked_on_the_returned_items()
    {
        using var db = Orders();
        var query = db.Set<Order>().Where(o => o.Status == OrderStatus.Shipped && o.Total == 10m && o.OrderId == "o1");

        var request = RequestJson.Of(query);

        Assert.Equal("Status = N:1 AND Total = N:10", KeyCondition(request));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Contains(RequestJson.Notes(query), n => n.Contains("OrderId", StringComparison.Ordinal));
    }

    [Fact]
    public void Equality_on_some_partition_attributes_only_never_reads_the_index()
    {
        using var db = Orders();

        var request = RequestJson.Of(db.Set<Order>().Where(o => o.Status == OrderStatus.Shipped && o.PlacedAt == Day));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Null(request.Member("IndexName"));
    }

    [Fact]
    public void A_range_on_a_partition_attribute_never_reads_the_index()
    {
        using var db = Orders();

        var request = RequestJson.Of(db.Set<Order>().Where(o => o.Status == OrderStatus.Shipped && o.Total > 10m));

        Assert.Equal("Scan", request.Member("Operation"));
    }

    [Fact]
    public void Ordering_by_the_sort_attributes_descending_reads_backward()
    {
        using var db = Orders();

        var request = RequestJson.Of(db.Set<Order>()
            .Where(o => o.Status == OrderStatus.Shipped && o.Total == 10m)
            .OrderByDescending(o => o.PlacedAt)
            .ThenByDescending(o => o.OrderId));

        Assert.Equal("ByStatusTotal", request.Member("IndexName"));
        Assert.False(request.GetProperty("ScanIndexForward").GetBoolean());
    }

    [Fact]
    public void Ordering_by_the_sort_attribute_after_the_fixed_ones_needs_no_client_sort()
    {
        var events = new List<EventData>();
        using var db = Orders(events);

        var request = RequestJson.Of(db.Set<Order>()
            .Where(o => o.Status == OrderStatus.Shipped && o.Total == 10m && o.PlacedAt == Day)
            .OrderBy(o => o.OrderId));

        Assert.Equal("ByStatusTotal", request.Member("IndexName"));
        Assert.False(request.TryGetProperty("ScanIndexForward", out _));
        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.ClientSideOrderingWarning);
    }

    [Fact]
    public void Ordering_by_sort_attributes_in_mixed_directions_sorts_on_the_client()
    {
        var events = new List<EventData>();
        using var db = Orders(events);

        _ = RequestJson.Of(db.Set<Order>()
            .Where(o => o.Status == OrderStatus.Shipped && o.Total == 10m)
            .OrderBy(o => o.PlacedAt)
            .ThenByDescending(o => o.OrderId));

        Assert.Contains(events, e => e.EventId == DynamoDbEventId.ClientSideOrderingWarning);
    }

    [Fact]
    public void WithIndex_without_every_partition_attribute_is_an_error_naming_the_key()
    {
        using var db = Orders();

        var error = Assert.Throws<InvalidOperationException>(() =>
            RequestJson.Of(db.Set<Order>().Where(o => o.Status == OrderStatus.Shipped && o.PlacedAt == Day).WithIndex("ByStatusTotal")));

        Assert.Equal(DynamoDbStrings.MultiAttributeIndexKeyNotConstrained("ByStatusTotal", "'Status', 'Total'", "'PlacedAt', 'OrderId'"), error.Message);
    }

    [Fact]
    public void WithIndex_reads_the_index_when_the_table_key_is_given_too()
    {
        using var db = Orders();

        var request = RequestJson.Of(db.Set<Order>()
            .Where(o => o.CustomerId == "c1" && o.Status == OrderStatus.Shipped && o.Total == 10m)
            .WithIndex("ByStatusTotal"));

        Assert.Equal("ByStatusTotal", request.Member("IndexName"));
        Assert.Equal("Status = N:1 AND Total = N:10", KeyCondition(request));
        Assert.Equal("CustomerId = S:c1", Regex.Replace(
            Regex.Replace(request.Member("FilterExpression")!, "#[A-Za-z0-9_]+", m => request.Names()[m.Value]),
            ":[A-Za-z0-9_]+",
            m => request.Values()[m.Value]));
    }
}
