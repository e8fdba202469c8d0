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
    public void Select_on_a_GetItem_reads_the_projected_attribute_and_the_partition_key()
    {
        var request = Request(_db.Products.Where(p => p.Id == 1).Select(p => p.Name));

        Assert.Equal("GetItem", request.Member("Operation"));
        // The key tells an item without the projected attribute from no item.
        Assert.Equal("#n0, #n1", request.Member("ProjectionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Name", ["#n1"] = "Id" }, request.Names());
    }

    [Fact]
    public void Select_of_the_entity_reads_the_whole_item()
        => Assert.Null(Request(_db.Orders.Where(o => o.CustomerId == "c1").Select(o => o)).Member("ProjectionExpression"));

    [Fact]
    public void Select_of_an_unmapped_member_says_why_it_could_not_be_translated()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Product>().Ignore(p => p.Status));

        // EF's own detail for a member the model does not know, as its other providers give it.
        Assert.Contains(
            CoreStrings.QueryUnableToTranslateMember("Status", "Product"),
            Assert.Throws<InvalidOperationException>(() => db.Set<Product>().Select(p => p.Status).ToQueryString()).Message);
    }

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
    public void Last_needs_an_ordering()
        => Assert.Contains(
            DynamoDbStrings.LastNeedsOrdering(nameof(Queryable.Reverse)),
            Assert.Throws<InvalidOperationException>(() => _db.Orders.Reverse().ToQueryString()).Message);

    private static ScenarioContext OrdersWithTwoStatusIndexes(List<EventData>? events = null, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Order>(o =>
            {
                o.HasKey(x => new { x.CustomerId, x.OrderId });
                o.Ignore(x => x.Customer);
                o.HasGlobalSecondaryIndex("ByStatusAndDate", x => x.Status, x => x.PlacedAt);
                o.HasGlobalSecondaryIndex("ByStatusAndTotal", x => x.Status, x => x.Total);
            }),
            configure: events is null ? null : o => o.LogTo((_, _) => true, events.Add),
            scenario: nameof(DynamoDbQueryOperatorRequestTests) + "." + scenario);

    private static ScenarioContext OrdersWithIncludeIndex([System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Order>(o =>
            {
                o.HasKey(x => new { x.CustomerId, x.OrderId });
                o.Ignore(x => x.Customer);
                o.Property(x => x.Total).HasAttributeName("amount");
                o.HasGlobalSecondaryIndex("ByStatus", x => x.Status).ProjectsInclude(x => x.Total);
            }),
            scenario: nameof(DynamoDbQueryOperatorRequestTests) + "." + scenario);

    [Fact]
    public void The_index_whose_sort_key_gives_the_ordering_is_preferred()
    {
        var events = new List<EventData>();
        using var db = OrdersWithTwoStatusIndexes(events);

        var request = Request(db.Set<Order>().Where(o => o.Status == OrderStatus.Placed).OrderBy(o => o.Total));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("ByStatusAndTotal", request.Member("IndexName"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.False(request.TryGetProperty("ScanIndexForward", out _));
        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.ClientSideOrderingWarning);
    }

    [Fact]
    public void The_index_whose_sort_key_gives_a_descending_ordering_is_read_backward()
    {
        using var db = OrdersWithTwoStatusIndexes();

        var request = Request(db.Set<Order>().Where(o => o.Status == OrderStatus.Placed).OrderByDescending(o => o.PlacedAt));

        Assert.Equal("ByStatusAndDate", request.Member("IndexName"));
        Assert.False(request.GetProperty("ScanIndexForward").GetBoolean());
    }

    [Fact]
    public void The_index_whose_sort_key_the_query_constrains_is_preferred()
    {
        using var db = OrdersWithTwoStatusIndexes();

        var request = Request(db.Set<Order>().Where(o => o.Status == OrderStatus.Placed && o.Total > 10));

        Assert.Equal("ByStatusAndTotal", request.Member("IndexName"));
        Assert.Equal("#n0 = :v0 AND #n1 > :v1", request.Member("KeyConditionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Status", ["#n1"] = "Total" }, request.Names());
        Assert.Null(request.Member("FilterExpression"));
    }

    [Fact]
    public void The_ordering_outweighs_a_sort_key_condition_when_choosing_an_index()
    {
        using var db = OrdersWithTwoStatusIndexes();

        var request = Request(db.Set<Order>().Where(o => o.Status == OrderStatus.Placed && o.Total > 10).OrderBy(o => o.PlacedAt));

        Assert.Equal("ByStatusAndDate", request.Member("IndexName"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n1 > :v1", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Status", ["#n1"] = "Total" }, request.Names());
    }

    [Fact]
    public void Another_predicate_on_an_index_Query_is_its_filter()
    {
        using var db = IndexedOrders();

        var request = Request(db.Set<Order>().Where(o => o.Status == OrderStatus.Shipped && o.IsGift));

        Assert.Equal("ByStatus", request.Member("IndexName"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n1 = :v1", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Status", ["#n1"] = "IsGift" }, request.Names());
    }

    [Fact]
    public void A_keys_only_index_is_not_chosen_for_entity_results_even_with_its_partition_key_fixed()
    {
        using var db = IndexedOrders();

        var request = Request(db.Set<Order>().Where(o => o.Note == "gift wrap"));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Null(request.Member("IndexName"));
        Assert.Null(request.Member("ProjectionExpression"));
    }

    [Fact]
    public void A_keys_only_index_serves_a_projection_of_table_and_index_keys()
    {
        using var db = IndexedOrders();

        var request = Request(db.Set<Order>().Where(o => o.Note == "gift wrap").Select(o => new { o.CustomerId, o.OrderId, o.Note }));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("ByNote", request.Member("IndexName"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n1, #n2, #n0", request.Member("ProjectionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Note", ["#n1"] = "CustomerId", ["#n2"] = "OrderId" }, request.Names());
    }

    [Fact]
    public void A_keys_only_index_is_not_chosen_for_a_projection_of_another_attribute()
    {
        using var db = IndexedOrders();

        var request = Request(db.Set<Order>().Where(o => o.Note == "gift wrap").Select(o => new { o.OrderId, o.Total }));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Null(request.Member("IndexName"));
    }

    [Fact]
    public void An_include_index_serves_a_projection_of_its_included_attributes()
    {
        using var db = OrdersWithIncludeIndex();

        var request = Request(db.Set<Order>().Where(o => o.Status == OrderStatus.Placed).Select(o => o.Total));

        Assert.Equal("ByStatus", request.Member("IndexName"));
        Assert.Equal("#n1", request.Member("ProjectionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Status", ["#n1"] = "amount" }, request.Names());
    }

    [Fact]
    public void An_include_index_is_not_chosen_for_entity_results()
    {
        using var db = OrdersWithIncludeIndex();

        var request = Request(db.Set<Order>().Where(o => o.Status == OrderStatus.Placed));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Null(request.Member("IndexName"));
    }

    [Fact]
    public void An_index_is_not_chosen_when_a_filter_reads_an_attribute_it_lacks()
    {
        using var db = OrdersWithIncludeIndex();

        var request = Request(db.Set<Order>().Where(o => o.Status == OrderStatus.Placed && o.IsGift).Select(o => o.Total));

        Assert.Equal("Scan", request.Member("Operation"));
    }

    [Fact]
    public void An_EF_index_marked_as_global_secondary_index_is_used_by_queries()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Order>(o =>
        {
            o.HasKey(x => new { x.CustomerId, x.OrderId });
            o.Ignore(x => x.Customer);
            o.HasIndex(x => x.Note, "ByNote").IsGlobalSecondaryIndex();
        }));

        var request = Request(db.Set<Order>().Where(o => o.Note == "x"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("ByNote", request.Member("IndexName"));
    }

    [Fact]
    public void A_plain_EF_index_is_never_queried()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Order>(o =>
        {
            o.HasKey(x => new { x.CustomerId, x.OrderId });
            o.Ignore(x => x.Customer);
            o.HasIndex(x => x.Note, "ByNote");
        }));

        var request = Request(db.Set<Order>().Where(o => o.Note == "x"));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Null(request.Member("IndexName"));
    }

    [Fact]
    public void WithIndex_forces_an_index_even_when_the_table_key_is_given()
    {
        using var db = IndexedOrders();

        var request = Request(db.Set<Order>().Where(o => o.CustomerId == "c1" && o.Status == OrderStatus.Shipped).WithIndex("ByStatus"));

        Assert.Equal("ByStatus", request.Member("IndexName"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n1 = :v1", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Status", ["#n1"] = "CustomerId" }, request.Names());
    }

    [Fact]
    public void WithIndex_of_an_index_that_lacks_a_projected_attribute_is_an_error()
    {
        using var db = IndexedOrders();

        Assert.Contains(
            DynamoDbStrings.IndexLacksAttributes("ByNote", "'Total'"),
            Assert.Throws<InvalidOperationException>(
                () => db.Set<Order>().WithIndex("ByNote").Where(o => o.Note == "x").Select(o => new { o.OrderId, o.Total }).ToQueryString()).Message);
    }

    [Fact]
    public void WithIndex_of_an_index_that_lacks_attributes_names_each_of_them()
    {
        using var db = IndexedOrders();

        Assert.Contains(
            DynamoDbStrings.IndexLacksAttributes("ByNote", "'Total', 'IsGift'"),
            Assert.Throws<InvalidOperationException>(
                () => db.Set<Order>().WithIndex("ByNote").Where(o => o.Note == "x").Select(o => new { o.Total, o.IsGift }).ToQueryString()).Message);
    }

    [Fact]
    public void WithIndex_of_a_keys_only_index_for_entity_results_is_an_error()
    {
        using var db = IndexedOrders();

        var message = Assert.Throws<InvalidOperationException>(() => db.Set<Order>().WithIndex("ByNote").Where(o => o.Note == "x").ToQueryString()).Message;

        var missing = db.Model.FindEntityType(typeof(Order))!.GetProperties()
            .Where(p => p.Name is not ("CustomerId" or "OrderId" or "Note"))
            .Select(p => "'" + p.Name + "'");
        Assert.Contains(DynamoDbStrings.IndexLacksAttributes("ByNote", string.Join(", ", missing)), message);
    }

    [Fact]
    public void WithIndex_and_WithConsistentRead_on_a_local_index_reads_consistently()
    {
        using var db = IndexedOrders();

        var request = Request(db.Set<Order>().Where(o => o.CustomerId == "c1" && o.Total > 10).WithIndex("ByTotal").WithConsistentRead());

        Assert.Equal("ByTotal", request.Member("IndexName"));
        Assert.True(request.GetProperty("ConsistentRead").GetBoolean());
    }

    [Fact]
    public void WithIndex_and_WithConsistentRead_on_a_global_index_is_an_error()
    {
        using var db = IndexedOrders();

        Assert.Contains(
            DynamoDbStrings.ConsistentReadOnGlobalIndex("ByStatus"),
            Assert.Throws<InvalidOperationException>(
                () => db.Set<Order>().Where(o => o.Status == OrderStatus.Placed).WithIndex("ByStatus").WithConsistentRead().ToQueryString()).Message);
    }

    [Fact]
    public void WithConsistentRead_sets_ConsistentRead_on_a_Scan()
    {
        var request = Request(_db.Orders.Where(o => o.Total > 1).WithConsistentRead());

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.True(request.GetProperty("ConsistentRead").GetBoolean());
    }

    [Fact]
    public void WithConsistentRead_sets_ConsistentRead_on_each_BatchGetItem_request()
    {
        var ids = Enumerable.Range(1, 150).ToList();

        var requests = RequestJson.All(_db.Products.Where(p => ids.Contains(p.Id)).WithConsistentRead());

        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.True(r.BatchTable("Products").GetProperty("ConsistentRead").GetBoolean()));
    }

    [Fact]
    public void A_BatchGetItem_is_eventually_consistent_by_default()
        => Assert.False(Request(_db.Products.Where(p => new[] { 1, 2 }.Contains(p.Id))).BatchTable("Products").TryGetProperty("ConsistentRead", out _));

    [Fact]
    public void More_than_100_keys_are_split_into_BatchGetItem_requests_of_100_keys_in_order()
    {
        var ids = Enumerable.Range(1, 250).ToList();

        var requests = RequestJson.All(_db.Products.Where(p => ids.Contains(p.Id)));

        Assert.All(requests, r => Assert.Equal("BatchGetItem", r.Member("Operation")));
        Assert.Equal([100, 100, 50], requests.Select(r => r.BatchKeys("Products").Count));
        Assert.Equal(ids.Select(i => "N:" + i), requests.SelectMany(r => r.BatchKeys("Products")));
    }

    [Fact]
    public void Exactly_100_keys_are_one_BatchGetItem_request()
        => Assert.Single(RequestJson.All(_db.Products.Where(p => Enumerable.Range(1, 100).ToList().Contains(p.Id))));

    [Fact]
    public void Duplicate_keys_of_a_large_key_set_are_read_once()
    {
        var ids = Enumerable.Range(1, 150).Concat(Enumerable.Range(1, 150)).ToList();

        var requests = RequestJson.All(_db.Products.Where(p => ids.Contains(p.Id)));

        Assert.Equal([100, 50], requests.Select(r => r.BatchKeys("Products").Count));
    }

    [Fact]
    public void Sort_keys_in_one_partition_are_distinct_and_split_into_requests_of_100()
    {
        var orderIds = Enumerable.Range(1, 120).Select(i => "o" + i).Concat(["o1", "o2"]).ToList();

        var requests = RequestJson.All(_db.Orders.Where(o => o.CustomerId == "c1" && orderIds.Contains(o.OrderId)));

        Assert.Equal([100, 20], requests.Select(r => r.BatchKeys("Orders").Count));
        Assert.Equal(Enumerable.Range(1, 120).Select(i => "S:c1/S:o" + i), requests.SelectMany(r => r.BatchKeys("Orders")));
    }

    [Fact]
    public void A_projection_of_a_BatchGetItem_reads_the_projected_attributes_and_the_partition_key()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Product>().Property(p => p.Stock).HasAttributeName("qty"));
        var ids = new[] { 1, 2 };

        var table = Request(db.Set<Product>().Where(p => ids.Contains(p.Id)).Select(p => new { p.Name, p.Stock })).BatchTable("Product");

        Assert.Equal("#n0, #n1, #n2", table.Member("ProjectionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Name", ["#n1"] = "qty", ["#n2"] = "Id" }, table.Names());
    }

    [Fact]
    public void A_BatchGetItem_of_entities_reads_whole_items()
    {
        var table = Request(_db.Products.Where(p => new[] { 1, 2 }.Contains(p.Id))).BatchTable("Products");

        Assert.Null(table.Member("ProjectionExpression"));
        Assert.False(table.TryGetProperty("ExpressionAttributeNames", out _));
    }

    [Fact]
    public void Null_partition_keys_of_a_BatchGetItem_are_dropped()
    {
        var ids = new[] { "a", null, "b", null };

        Assert.Equal(["S:a", "S:b"], Request(_db.Customers.Where(c => ids.Contains(c.Id))).BatchKeys("Customers"));
    }

    [Fact]
    public void Null_sort_keys_of_a_BatchGetItem_are_dropped()
    {
        var orderIds = new[] { null, "o1", null };

        Assert.Equal(["S:c1/S:o1"], Request(_db.Orders.Where(o => o.CustomerId == "c1" && orderIds.Contains(o.OrderId))).BatchKeys("Orders"));
    }

    [Fact]
    public void A_BatchGetItem_of_only_null_keys_sends_no_request()
    {
        var ids = new string?[] { null, null };

        Assert.Equal(
            ["-- No request: a key value is null or no key is given, so no item can match."],
            RequestJson.Notes(_db.Customers.Where(c => ids.Contains(c.Id))));
    }

    [Fact]
    public void A_BatchGetItem_with_a_null_partition_key_sends_no_request()
    {
        string? customerId = null;
        var orderIds = new[] { "o1" };

        Assert.Equal(
            ["-- No request: a key value is null or no key is given, so no item can match."],
            RequestJson.Notes(_db.Orders.Where(o => o.CustomerId == customerId && orderIds.Contains(o.OrderId))));
    }

    [Fact]
    public void BatchGetItem_keys_are_hidden_without_sensitive_data_logging()
    {
        using var db = TestContexts.Shop(sensitiveDataLogging: false);
        var ids = new[] { "secret-1", "secret-2" };

        Assert.Equal(["S:?", "S:?"], Request(db.Customers.Where(c => ids.Contains(c.Id))).BatchKeys("Customers"));
    }

    [Fact]
    public void A_projection_lists_exactly_the_attributes_it_reads_under_their_attribute_names()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Order>(o =>
        {
            o.HasKey(x => new { x.CustomerId, x.OrderId });
            o.Ignore(x => x.Customer);
            o.Property(x => x.Total).HasAttributeName("amount");
            o.Property(x => x.Note).HasAttributeName("memo");
        }));

        var request = Request(db.Set<Order>().Where(o => o.CustomerId == "c1").Select(o => new { o.Total, o.Note, Again = o.Total }));

        Assert.Equal("#n1, #n2", request.Member("ProjectionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "amount", ["#n2"] = "memo" }, request.Names());
    }

    [Fact]
    public void A_projection_computed_on_the_client_reads_the_attributes_it_uses()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1").Select(o => new { Double = o.Total * 2, Label = (o.Note ?? "none").ToUpperInvariant() }));

        Assert.Equal("#n1, #n2", request.Member("ProjectionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "Total", ["#n2"] = "Note" }, request.Names());
    }

    [Fact]
    public void A_projection_that_includes_the_entity_reads_the_whole_item()
        => Assert.Null(Request(_db.Orders.Where(o => o.CustomerId == "c1").Select(o => new { Order = o, o.Total })).Member("ProjectionExpression"));

    [Fact]
    public void A_projection_of_a_key_that_is_also_filtered_still_reads_it()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1").Select(o => o.CustomerId));

        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n0", request.Member("ProjectionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId" }, request.Names());
    }

    [Fact]
    public void Select_of_a_reference_navigation_looks_the_principals_up_by_key_after_the_main_request()
    {
        var text = _db.Orders.Select(o => o.Customer).ToQueryString();

        Assert.Contains("-- Lookup, by the keys the reads above return: 'Customer'", text);
        Assert.Contains("'Customer' by 'Id' (Join), with BatchGetItem", text);
    }

    [Fact]
    public void Select_of_a_member_of_a_navigation_looks_the_principals_up_by_key_after_the_main_request()
    {
        var text = _db.Orders.Select(o => new { o.Total, o.Customer!.Name }).ToQueryString();

        Assert.Contains("-- Lookup, by the keys the reads above return: 'Customer'", text);
        Assert.Contains("'Customer' by 'Id' (Join), with BatchGetItem", text);
    }

    [Fact]
    public void Include_of_a_collection_looks_the_dependents_up_by_foreign_key_after_the_main_request()
        => Assert.Contains(
            "-- Lookup, by the keys the reads above return: 'Order' by 'CustomerId' (navigation 'Customer.Orders')",
            _db.Customers.Include(c => c.Orders).ToQueryString());

    [Fact]
    public void Select_of_a_collection_navigation_looks_the_dependents_up_by_foreign_key_after_the_main_request()
    {
        var text = _db.Customers.Select(c => c.Orders.Count).ToQueryString();

        Assert.Contains("-- Lookup, by the keys the reads above return: 'Order' by 'CustomerId' (navigation)", text);
    }

    [Fact]
    public void A_query_whose_projection_reads_only_the_foreign_key_is_translated()
        => Assert.Equal("#n0", Request(_db.Orders.Select(o => o.CustomerId)).Member("ProjectionExpression"));

    [Fact]
    public void OrderBy_the_partition_key_then_the_sort_key_of_a_Query_reads_forward_without_a_warning()
    {
        var events = new List<EventData>();
        using var db = IndexedOrders(events);

        var request = Request(db.Set<Order>().Where(o => o.CustomerId == "c1").OrderBy(o => o.CustomerId).ThenByDescending(o => o.OrderId));

        Assert.Null(request.Member("IndexName"));
        Assert.False(request.GetProperty("ScanIndexForward").GetBoolean());
        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.ClientSideOrderingWarning);
    }

    [Fact]
    public void OrderByDescending_the_sort_key_with_Take_reads_backward_with_the_Limit()
    {
        var request = Request(_db.Readings.Where(r => r.DeviceId == "d1").OrderByDescending(r => r.Timestamp).Take(10));

        Assert.False(request.GetProperty("ScanIndexForward").GetBoolean());
        Assert.Equal(10, request.GetProperty("Limit").GetInt32());
    }

    [Fact]
    public void Ordering_a_Scan_is_done_on_the_client_with_a_warning_and_no_Limit()
    {
        var events = new List<EventData>();
        using var db = IndexedOrders(events);

        var request = Request(db.Set<Order>().OrderBy(o => o.OrderId).Take(3));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.False(request.TryGetProperty("Limit", out _));
        Assert.Contains("'OrderId'", Assert.Single(events, e => e.EventId == DynamoDbEventId.ClientSideOrderingWarning).ToString());
    }

    [Fact]
    public void A_projection_ordered_on_the_client_also_reads_the_ordering_attribute()
    {
        var request = Request(_db.Readings.Where(r => r.DeviceId == "d1").OrderBy(r => r.Value).Select(r => r.Timestamp));

        Assert.Equal("#n1, #n2", request.Member("ProjectionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "DeviceId", ["#n1"] = "Timestamp", ["#n2"] = "Value" }, request.Names());
    }

    public static TheoryData<string> OperatorsAfterRowLimits => new()
    {
        "Where after Take",
        "Where after Skip",
        "OrderBy after Take",
        "OrderByDescending after Take",
        "Reverse after Take",
        "Distinct after Take",
    };

    [Theory]
    [MemberData(nameof(OperatorsAfterRowLimits))]
    public void An_operator_after_Skip_or_Take_runs_on_the_client_over_the_rows_they_select(string shape)
    {
        IQueryable query = shape switch
        {
            "Where after Take" => _db.Orders.Take(3).Where(o => o.IsGift),
            "Where after Skip" => _db.Orders.Skip(3).Where(o => o.IsGift),
            "OrderBy after Take" => _db.Orders.Take(3).OrderBy(o => o.Total),
            "OrderByDescending after Take" => _db.Orders.Take(3).OrderByDescending(o => o.Total),
            "Reverse after Take" => _db.Orders.OrderBy(o => o.OrderId).Take(3).Reverse(),
            _ => _db.Orders.Select(o => o.Status).Take(3).Distinct(),
        };

        var note = Assert.Single(RequestJson.Notes(query));
        Assert.StartsWith("-- Then on the client, over the results: " + shape.Split(' ')[0], note);
        Assert.Equal("Scan", Request(query).Member("Operation"));
    }

    [Fact]
    public void Ordering_by_a_computed_key_is_done_on_the_client()
        => Assert.Contains(
            "-- Then on the client, over the results: OrderBy",
            RequestJson.Notes(_db.Orders.OrderBy(o => o.Total * 2)));

    [Fact]
    public void ThenBy_a_computed_key_says_it_is_not_a_mapped_property()
        => Assert.Contains(
            DynamoDbStrings.OrderingNotProperty("o => o.Total * 2"),
            Assert.Throws<InvalidOperationException>(() => _db.Orders.OrderBy(o => o.Status).ThenBy(o => o.Total * 2).ToQueryString()).Message);

    [Fact]
    public void Ordering_by_an_unmapped_property_says_it_is_not_mapped()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Product>().Ignore(p => p.Status));

        Assert.Contains(
            CoreStrings.QueryUnableToTranslateMember("Status", "Product"),
            Assert.Throws<InvalidOperationException>(() => db.Set<Product>().OrderBy(p => p.Status).ToQueryString()).Message);
    }

    [Fact]
    public void Take_after_Distinct_sets_no_Limit_because_duplicates_are_dropped_after_reading()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1").Select(o => o.Status).Distinct().Take(3));

        Assert.Equal("#n1", request.Member("ProjectionExpression"));
        Assert.False(request.TryGetProperty("Limit", out _));
    }

    [Fact]
    public void Take_on_a_Query_that_checks_a_key_on_returned_items_sets_no_Limit()
        => Assert.False(Request(_db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp != 5).Take(3)).TryGetProperty("Limit", out _));

    [Fact]
    public void Take_then_Skip_reads_the_Take_count()
        => Assert.Equal(5, Request(_db.Orders.Where(o => o.CustomerId == "c1").Take(5).Skip(2)).GetProperty("Limit").GetInt32());

    [Fact]
    public void The_smaller_of_two_Takes_is_the_Limit()
        => Assert.Equal(2, Request(_db.Orders.Where(o => o.CustomerId == "c1").Take(5).Take(2)).GetProperty("Limit").GetInt32());

    [Fact]
    public void Captured_Skip_and_Take_counts_are_read_per_execution()
    {
        Assert.Equal(7, Request(Window(2, 5)).GetProperty("Limit").GetInt32());
        Assert.Equal(13, Request(Window(10, 3)).GetProperty("Limit").GetInt32());

        IQueryable<Order> Window(int skip, int take) => _db.Orders.Where(o => o.CustomerId == "c1").Skip(skip).Take(take);
    }

    [Fact]
    public void Take_of_zero_sends_no_request()
        => Assert.Equal(
            ["-- No request: the query asks for no rows (Take with a count of 0 or less), so nothing is read."],
            RequestJson.Notes(_db.Orders.Where(o => o.CustomerId == "c1").Take(0)));

    [Fact]
    public void A_captured_Take_count_of_zero_sends_no_request_but_another_count_does()
    {
        Assert.Equal(
            "-- No request: the query asks for no rows (Take with a count of 0 or less), so nothing is read.",
            TakeOrders(0).ToQueryString());
        Assert.Equal(2, Request(TakeOrders(2)).GetProperty("Limit").GetInt32());

        IQueryable<Order> TakeOrders(int count) => _db.Orders.Where(o => o.CustomerId == "c1").Take(count);
    }

    [Fact]
    public void WithParallelScan_rejects_a_segment_count_out_of_range_with_a_message()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _db.Orders.WithParallelScan(1_000_001));

        Assert.StartsWith(DynamoDbStrings.InvalidSegmentCount(1_000_001), exception.Message);
    }

    [Fact]
    public void WithParallelScan_on_a_Query_sends_one_Query()
    {
        var requests = RequestJson.All(_db.Orders.Where(o => o.CustomerId == "c1").WithParallelScan(4));

        var request = Assert.Single(requests);
        Assert.Equal("Query", request.Member("Operation"));
        Assert.False(request.TryGetProperty("Segment", out _));
    }
}
