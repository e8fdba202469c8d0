using System.Text.Json;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The requests of the LINQ operators beyond Where (ordering, Skip/Take, projections, key sets, string and
/// collection functions, EF.Functions, the query options), read through <c>ToQueryString</c>: nothing is sent.
/// </summary>
public sealed class DynamoDbQueryOperatorRequestTests : IDisposable
{
    private readonly ShopContext _db = TestContexts.Shop();

    public void Dispose() => _db.Dispose();

    private static JsonElement Request(IQueryable query) => RequestJson.Of(query);

    private static ScenarioContext IndexedOrders(List<EventData>? events = null, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Order>(o =>
            {
                o.HasKey(x => new { x.CustomerId, x.OrderId });
                o.Ignore(x => x.Customer);
                o.HasGlobalSecondaryIndex("ByStatus", x => x.Status, x => x.PlacedAt);
                o.HasGlobalSecondaryIndex("ByNote", x => x.Note).ProjectsKeysOnly();
                o.HasLocalSecondaryIndex("ByTotal", x => x.Total);
            }),
            configure: events is null ? null : o => o.LogTo((_, _) => true, events.Add),
            scenario: nameof(DynamoDbQueryOperatorRequestTests) + "." + scenario);

    [Fact]
    public void OrderBy_the_sort_key_of_a_Query_reads_forward()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1").OrderBy(o => o.OrderId));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.False(request.TryGetProperty("ScanIndexForward", out _));
    }

    [Fact]
    public void OrderByDescending_the_sort_key_of_a_Query_reads_backward()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1").OrderByDescending(o => o.OrderId));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.False(request.GetProperty("ScanIndexForward").GetBoolean());
    }

    [Fact]
    public void Reverse_of_an_ascending_sort_key_order_reads_backward()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1").OrderBy(o => o.OrderId).Reverse());

        Assert.False(request.GetProperty("ScanIndexForward").GetBoolean());
    }

    [Fact]
    public void Ordering_by_another_attribute_is_done_on_the_client_with_a_warning()
    {
        var events = new List<EventData>();
        using var db = TestContexts.Scenario(
            b => b.Entity<Reading>().HasKey(r => new { r.DeviceId, r.Timestamp }),
            configure: o => o.LogTo((_, _) => true, events.Add));

        var request = Request(db.Set<Reading>().Where(r => r.DeviceId == "d1").OrderBy(r => r.Value).Take(2));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.False(request.TryGetProperty("ScanIndexForward", out _));
        Assert.False(request.TryGetProperty("Limit", out _));
        var warning = Assert.Single(events, e => e.EventId == DynamoDbEventId.ClientSideOrderingWarning);
        Assert.Contains("'Value'", warning.ToString());
    }

    [Fact]
    public void Take_on_a_Query_without_a_filter_sets_the_Limit()
        => Assert.Equal(3, Request(_db.Orders.Where(o => o.CustomerId == "c1").Take(3)).GetProperty("Limit").GetInt32());

    [Fact]
    public void Take_on_a_Scan_without_a_filter_sets_the_Limit()
        => Assert.Equal(5, Request(_db.Orders.Take(5)).GetProperty("Limit").GetInt32());

    [Fact]
    public void Skip_and_Take_read_both_counts()
        => Assert.Equal(5, Request(_db.Orders.Where(o => o.CustomerId == "c1").Skip(2).Take(3)).GetProperty("Limit").GetInt32());

    [Fact]
    public void A_captured_Take_count_is_read_per_execution()
    {
        Assert.Equal(4, Request(TakeOrders(4)).GetProperty("Limit").GetInt32());
        Assert.Equal(9, Request(TakeOrders(9)).GetProperty("Limit").GetInt32());

        IQueryable<Order> TakeOrders(int count) => _db.Orders.Where(o => o.CustomerId == "c1").Take(count);
    }

    [Fact]
    public void Take_with_a_filter_does_not_set_the_Limit_because_DynamoDB_counts_items_before_filtering()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.IsGift).Take(3));

        Assert.Equal("#n1 = :v1", request.Member("FilterExpression"));
        Assert.False(request.TryGetProperty("Limit", out _));
    }

    [Fact]
    public void Skip_alone_sets_no_Limit()
        => Assert.False(Request(_db.Orders.Where(o => o.CustomerId == "c1").Skip(3)).TryGetProperty("Limit", out _));

    [Fact]
    public void Select_of_properties_reads_only_their_attributes()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1").Select(o => new { o.Total, o.Note }));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n1, #n2", request.Member("ProjectionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "Total", ["#n2"] = "Note" }, request.Names());
    }

    [Fact]
    public void Select_on_a_GetItem_reads_only_the_projected_attribute()
    {
        var request = Request(_db.Products.Where(p => p.Id == 1).Select(p => p.Name));

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Equal("#n0", request.Member("ProjectionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Name" }, request.Names());
    }

    [Fact]
    public void Select_of_the_entity_reads_the_whole_item()
        => Assert.Null(Request(_db.Orders.Where(o => o.CustomerId == "c1").Select(o => o)).Member("ProjectionExpression"));

    [Fact]
    public void Select_of_an_unmapped_member_says_why_it_could_not_be_translated()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Product>().Ignore(p => p.Status));

        Assert.Contains(
            DynamoDbStrings.ProjectionMemberNotMapped("Status", "Product"),
            Assert.Throws<InvalidOperationException>(() => db.Set<Product>().Select(p => p.Status).ToQueryString()).Message);
    }

    [Fact]
    public void Select_of_a_navigation_could_not_be_translated()
        => Assert.Contains(
            "could not be translated",
            Assert.Throws<InvalidOperationException>(() => _db.Orders.Select(o => o.Customer).ToQueryString()).Message);

    [Fact]
    public void Distinct_over_a_projection_reads_the_projected_attribute()
    {
        var request = Request(_db.Orders.Select(o => o.Status).Distinct());

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("#n0", request.Member("ProjectionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Status" }, request.Names());
    }

    [Fact]
    public void Contains_on_a_list_of_partition_keys_is_a_BatchGetItem_of_distinct_keys()
    {
        var ids = new[] { 1, 2, 2, 3 };

        var request = Request(_db.Products.Where(p => ids.Contains(p.Id)));

        Assert.Equal("BatchGetItem", request.Member("Operation"));
        var keys = request.GetProperty("RequestItems").GetProperty("Products").GetProperty("Keys").EnumerateArray()
            .Select(k => k.GetProperty("Id").GetProperty("N").GetString());
        Assert.Equal(["1", "2", "3"], keys);
    }

    [Fact]
    public void Contains_on_a_list_of_sort_keys_in_one_partition_is_a_BatchGetItem()
    {
        var orderIds = new List<string> { "a", "b" };

        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && orderIds.Contains(o.OrderId)));

        Assert.Equal("BatchGetItem", request.Member("Operation"));
        var keys = request.GetProperty("RequestItems").GetProperty("Orders").GetProperty("Keys").EnumerateArray()
            .Select(k => k.GetProperty("CustomerId").GetProperty("S").GetString() + "/" + k.GetProperty("OrderId").GetProperty("S").GetString());
        Assert.Equal(["c1/a", "c1/b"], keys);
    }

    [Fact]
    public void More_than_100_keys_are_read_in_several_BatchGetItem_requests()
    {
        var ids = Enumerable.Range(1, 250).ToList();

        var requests = _db.Products.Where(p => ids.Contains(p.Id)).ToQueryString()
            .Split(Environment.NewLine + "{")
            .Length;

        Assert.Equal(3, requests);
    }

    [Fact]
    public void Contains_on_a_list_of_values_is_an_IN_filter()
    {
        var statuses = new[] { OrderStatus.Placed, OrderStatus.Shipped };

        var request = Request(_db.Orders.Where(o => statuses.Contains(o.Status)));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("#n0 IN (:v0, :v1)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:0", [":v1"] = "N:1" }, request.Values());
    }

    [Fact]
    public void Contains_on_an_empty_list_matches_nothing_without_naming_a_key_attribute()
    {
        var none = Array.Empty<OrderStatus>();

        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && none.Contains(o.Status)));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("(attribute_exists(#n1) AND attribute_not_exists(#n1))", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "Status" }, request.Names());
    }

    [Fact]
    public void StartsWith_on_the_sort_key_is_begins_with_in_the_key_condition()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId.StartsWith("2024-")));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0 AND begins_with(#n1, :v1)", request.Member("KeyConditionExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:c1", [":v1"] = "S:2024-" }, request.Values());
    }

    [Fact]
    public void StartsWith_on_another_attribute_is_a_begins_with_filter()
    {
        var request = Request(_db.Orders.Where(o => o.Note!.StartsWith("fr")));

        Assert.Equal("begins_with(#n0, :v0)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:fr" }, request.Values());
    }

    [Fact]
    public void StartsWith_a_null_prefix_matches_nothing()
    {
        string? prefix = null;

        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.Note!.StartsWith(prefix!)));

        Assert.Equal("(attribute_exists(#n1) AND attribute_not_exists(#n1))", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "Note" }, request.Names());
    }

    [Fact]
    public void String_Contains_is_a_contains_filter()
    {
        var request = Request(_db.Orders.Where(o => o.Note!.Contains("ag")));

        Assert.Equal("contains(#n0, :v0)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:ag" }, request.Values());
    }

    [Fact]
    public void CompareTo_on_a_string_sort_key_joins_the_key_condition()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId.CompareTo("2024") > 0));

        Assert.Equal("#n0 = :v0 AND #n1 > :v1", request.Member("KeyConditionExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:c1", [":v1"] = "S:2024" }, request.Values());
    }

    [Fact]
    public void String_Compare_on_a_string_sort_key_joins_the_key_condition()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && string.Compare(o.OrderId, "2024") <= 0));

        Assert.Equal("#n0 = :v0 AND #n1 <= :v1", request.Member("KeyConditionExpression"));
    }

    [Fact]
    public void String_Length_is_a_size_comparison()
    {
        var request = Request(_db.Orders.Where(o => o.Note!.Length > 3));

        Assert.Equal("size(#n0) > :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:3" }, request.Values());
    }

    [Fact]
    public void HasValue_matches_a_present_attribute_that_is_not_NULL()
        => Assert.Equal(
            "(attribute_exists(#n0) AND NOT attribute_type(#n0, :null))",
            Request(_db.Orders.Where(o => o.Quantity.HasValue)).Member("FilterExpression"));

    [Fact]
    public void Equals_method_is_an_equality()
        => Assert.Equal("Query", Request(_db.Orders.Where(o => o.CustomerId.Equals("c1"))).Member("Operation"));

    [Fact]
    public void A_value_constructed_in_the_query_is_sent_as_its_attribute_value()
    {
        var request = Request(_db.Orders.Where(o => o.PlacedAt > new DateTime(2024, 1, 20, 0, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:2024-01-20T00:00:00.0000000Z" }, request.Values());
    }

    [Fact]
    public void EF_Functions_AttributeExists_is_attribute_exists()
    {
        var request = Request(_db.Orders.Where(o => EF.Functions.AttributeExists(o.Note)));

        Assert.Equal("attribute_exists(#n0)", request.Member("FilterExpression"));
        Assert.Empty(request.Values());
    }

    [Fact]
    public void EF_Functions_AttributeNotExists_is_attribute_not_exists()
        => Assert.Equal("attribute_not_exists(#n0)", Request(_db.Orders.Where(o => EF.Functions.AttributeNotExists(o.Note))).Member("FilterExpression"));

    [Fact]
    public void EF_Functions_AttributeType_is_attribute_type()
    {
        var request = Request(_db.Orders.Where(o => EF.Functions.AttributeType(o.Note, "S")));

        Assert.Equal("attribute_type(#n0, :v0)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:S" }, request.Values());
    }

    [Fact]
    public void EF_Functions_AttributeType_with_an_unknown_type_says_why_it_could_not_be_translated()
        => Assert.Contains(
            DynamoDbStrings.InvalidAttributeType("STRING"),
            Assert.Throws<InvalidOperationException>(() => _db.Orders.Where(o => EF.Functions.AttributeType(o.Note, "STRING")).ToQueryString()).Message);

    [Fact]
    public void EF_Functions_Between_on_the_sort_key_joins_the_key_condition()
    {
        var request = Request(_db.Readings.Where(r => r.DeviceId == "d" && EF.Functions.Between(r.Timestamp, 1L, 5L)));

        Assert.Equal("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2", request.Member("KeyConditionExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:d", [":v1"] = "N:1", [":v2"] = "N:5" }, request.Values());
    }

    [Fact]
    public void EF_Functions_Between_on_another_attribute_is_a_BETWEEN_filter()
        => Assert.Equal("#n0 BETWEEN :v0 AND :v1", Request(_db.Orders.Where(o => EF.Functions.Between(o.Total, 1m, 5m))).Member("FilterExpression"));

    [Fact]
    public void EF_Functions_BeginsWith_is_begins_with()
        => Assert.Equal("begins_with(#n0, :v0)", Request(_db.Orders.Where(o => EF.Functions.BeginsWith(o.Note, "x"))).Member("FilterExpression"));

    [Fact]
    public void EF_Functions_outside_a_query_throw()
        => Assert.Equal(
            DynamoDbStrings.FunctionOnClient("AttributeExists"),
            Assert.Throws<InvalidOperationException>(() => EF.Functions.AttributeExists("x")).Message);

    [Fact]
    public void WithConsistentRead_sets_ConsistentRead_on_a_Query()
        => Assert.True(Request(_db.Orders.Where(o => o.CustomerId == "c1").WithConsistentRead()).GetProperty("ConsistentRead").GetBoolean());

    [Fact]
    public void WithConsistentRead_sets_ConsistentRead_on_a_GetItem()
        => Assert.True(Request(_db.Products.Where(p => p.Id == 1).WithConsistentRead()).GetProperty("ConsistentRead").GetBoolean());

    [Fact]
    public void Reads_are_eventually_consistent_by_default()
        => Assert.False(Request(_db.Orders.Where(o => o.CustomerId == "c1")).TryGetProperty("ConsistentRead", out _));

    [Fact]
    public void WithParallelScan_sends_one_Scan_per_segment()
    {
        var requests = _db.Orders.WithParallelScan(3).ToQueryString().Split(Environment.NewLine + "{")
            .Select((json, i) => JsonDocument.Parse(i == 0 ? json : "{" + json).RootElement.Clone())
            .ToList();

        Assert.Equal([0, 1, 2], requests.Select(r => r.GetProperty("Segment").GetInt32()));
        Assert.All(requests, r => Assert.Equal(3, r.GetProperty("TotalSegments").GetInt32()));
        Assert.All(requests, r => Assert.Equal("Scan", r.Member("Operation")));
    }

    [Fact]
    public void WithParallelScan_rejects_zero_segments()
        => Assert.Equal("segments", Assert.Throws<ArgumentOutOfRangeException>(() => _db.Orders.WithParallelScan(0)).ParamName);

    [Fact]
    public void Equality_on_a_global_index_partition_key_is_a_Query_on_that_index()
    {
        using var db = IndexedOrders();

        var request = Request(db.Set<Order>().Where(o => o.Status == OrderStatus.Shipped));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("ByStatus", request.Member("IndexName"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Status" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:1" }, request.Values());
    }

    [Fact]
    public void An_index_sort_key_comparison_joins_the_index_key_condition()
    {
        using var db = IndexedOrders();
        var since = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var request = Request(db.Set<Order>().Where(o => o.Status == OrderStatus.Shipped && o.PlacedAt >= since));

        Assert.Equal("ByStatus", request.Member("IndexName"));
        Assert.Equal("#n0 = :v0 AND #n1 >= :v1", request.Member("KeyConditionExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:1", [":v1"] = "S:2024-01-01T00:00:00.0000000Z" }, request.Values());
    }

    [Fact]
    public void An_index_that_lacks_attributes_the_query_reads_is_not_chosen()
    {
        var events = new List<EventData>();
        using var db = IndexedOrders(events);

        var request = Request(db.Set<Order>().Where(o => o.Note == "x"));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Null(request.Member("IndexName"));
        Assert.Contains(events, e => e.EventId == DynamoDbEventId.ScanQueryWarning);
    }

    [Fact]
    public void A_keys_only_index_serves_a_projection_of_keys()
    {
        using var db = IndexedOrders();

        var request = Request(db.Set<Order>().Where(o => o.Note == "x").Select(o => o.OrderId));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("ByNote", request.Member("IndexName"));
    }

    [Fact]
    public void The_table_is_preferred_to_an_index_when_the_table_key_is_given()
    {
        using var db = IndexedOrders();

        var request = Request(db.Set<Order>().Where(o => o.CustomerId == "c1" && o.Status == OrderStatus.Shipped));

        Assert.Null(request.Member("IndexName"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
    }

    [Fact]
    public void WithIndex_reads_a_local_index_with_its_sort_key_condition()
    {
        using var db = IndexedOrders();

        var request = Request(db.Set<Order>().Where(o => o.CustomerId == "c1" && o.Total > 10).WithIndex("ByTotal"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("ByTotal", request.Member("IndexName"));
        Assert.Equal("#n0 = :v0 AND #n1 > :v1", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
    }

    [Fact]
    public void WithIndex_of_an_unknown_index_is_an_error()
    {
        using var db = IndexedOrders();

        Assert.Contains(
            DynamoDbStrings.UnknownIndex("Nope", "Order"),
            Assert.Throws<InvalidOperationException>(() => db.Set<Order>().Where(o => o.CustomerId == "c1").WithIndex("Nope").ToQueryString()).Message);
    }

    [Fact]
    public void WithIndex_without_equality_on_its_partition_key_is_an_error()
    {
        using var db = IndexedOrders();

        Assert.Contains(
            DynamoDbStrings.IndexPartitionKeyNotConstrained("ByStatus", "Status"),
            Assert.Throws<InvalidOperationException>(() => db.Set<Order>().Where(o => o.CustomerId == "c1").WithIndex("ByStatus").ToQueryString()).Message);
    }

    [Fact]
    public void WithConsistentRead_on_a_global_index_is_an_error()
    {
        using var db = IndexedOrders();

        Assert.Contains(
            DynamoDbStrings.ConsistentReadOnGlobalIndex("ByStatus"),
            Assert.Throws<InvalidOperationException>(() => db.Set<Order>().Where(o => o.Status == OrderStatus.Placed).WithConsistentRead().ToQueryString()).Message);
    }

    [Fact]
    public void Including_a_navigation_says_why_it_could_not_be_translated()
        => Assert.Contains(
            DynamoDbStrings.IncludeNotSupported("Customer.Orders"),
            Assert.Throws<InvalidOperationException>(() => _db.Customers.Include(c => c.Orders).ToQueryString()).Message);

    [Fact]
    public void Last_needs_an_ordering()
        => Assert.Contains(
            DynamoDbStrings.LastNeedsOrdering(nameof(Queryable.Reverse)),
            Assert.Throws<InvalidOperationException>(() => _db.Orders.Reverse().ToQueryString()).Message);
}
