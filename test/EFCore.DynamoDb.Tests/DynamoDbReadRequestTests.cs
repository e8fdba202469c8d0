using System.Text.Json;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

/// <summary>The DynamoDB request each LINQ shape becomes, read through <c>ToQueryString</c>: nothing is sent.</summary>
public sealed class DynamoDbReadRequestTests : IDisposable
{
    private const string NoRequest = "-- No request: a key value is null or no key is given, so no item can match.";
    private readonly ShopContext _db = TestContexts.Shop();

    public void Dispose() => _db.Dispose();

    private static JsonElement Request(IQueryable query) => RequestJson.Of(query);

    [Fact]
    public void Equality_on_the_whole_key_is_a_GetItem_with_the_key()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId == "o1"));

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Equal("Orders", request.Member("TableName"));
        Assert.Equal(new Dictionary<string, string> { ["CustomerId"] = "S:c1", ["OrderId"] = "S:o1" }, request.Map("Key"));
        Assert.Null(request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Empty(request.Names());
    }

    [Fact]
    public void Equality_on_the_whole_key_in_either_order_is_a_GetItem()
    {
        var request = Request(_db.Orders.Where(o => o.OrderId == "o1" && o.CustomerId == "c1"));

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Equal(new Dictionary<string, string> { ["CustomerId"] = "S:c1", ["OrderId"] = "S:o1" }, request.Map("Key"));
    }

    [Fact]
    public void Equality_on_the_partition_key_of_a_table_without_sort_key_is_a_GetItem()
    {
        var request = Request(_db.Products.Where(p => p.Id == 42));

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Equal("Products", request.Member("TableName"));
        Assert.Equal(new Dictionary<string, string> { ["Id"] = "N:42" }, request.Map("Key"));
    }

    [Fact]
    public void Whole_key_equality_across_two_Where_calls_is_a_GetItem()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1").Where(o => o.OrderId == "o1"));

        Assert.Equal("GetItem", request.Member("Operation"));
    }

    [Fact]
    public void A_Guid_key_is_sent_in_D_format()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var request = Request(_db.Accounts.Where(a => a.Id == id));

        Assert.Equal(new Dictionary<string, string> { ["Id"] = "S:0f8fad5b-d9cb-469f-a165-70867728950e" }, request.Map("Key"));
    }

    [Fact]
    public void Equality_on_the_partition_key_is_a_Query_with_a_key_condition()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("Orders", request.Member("TableName"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:c1" }, request.Values());
        Assert.False(request.TryGetProperty("Limit", out _));
    }

    [Fact]
    public void Partition_key_equality_with_the_value_on_the_left_is_a_Query()
    {
        var request = Request(_db.Orders.Where(o => "c1" == o.CustomerId));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:c1" }, request.Values());
    }

    [Fact]
    public void Sort_key_equality_with_partition_key_equality_and_a_filter_is_a_Query_with_both_in_the_key_condition()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId == "o1" && o.IsGift));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1", request.Member("KeyConditionExpression"));
        Assert.Equal("#n2 = :v2", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "OrderId", ["#n2"] = "IsGift" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:c1", [":v1"] = "S:o1", [":v2"] = "BOOL:true" }, request.Values());
    }

    [Theory]
    [InlineData("<")]
    [InlineData("<=")]
    [InlineData(">")]
    [InlineData(">=")]
    public void A_sort_key_comparison_joins_the_key_condition(string op)
    {
        IQueryable<Reading> readings = _db.Readings;
        var query = op switch
        {
            "<" => readings.Where(r => r.DeviceId == "d1" && r.Timestamp < 100),
            "<=" => readings.Where(r => r.DeviceId == "d1" && r.Timestamp <= 100),
            ">" => readings.Where(r => r.DeviceId == "d1" && r.Timestamp > 100),
            _ => readings.Where(r => r.DeviceId == "d1" && r.Timestamp >= 100),
        };

        var request = Request(query);

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("Readings", request.Member("TableName"));
        Assert.Equal($"#n0 = :v0 AND #n1 {op} :v1", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "DeviceId", ["#n1"] = "Timestamp" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:d1", [":v1"] = "N:100" }, request.Values());
    }

    [Theory]
    [InlineData("<", ">")]
    [InlineData("<=", ">=")]
    [InlineData(">", "<")]
    [InlineData(">=", "<=")]
    public void A_sort_key_comparison_with_the_value_on_the_left_mirrors_the_operator(string written, string sent)
    {
        IQueryable<Reading> readings = _db.Readings;
        var query = written switch
        {
            "<" => readings.Where(r => r.DeviceId == "d1" && 100 < r.Timestamp),
            "<=" => readings.Where(r => r.DeviceId == "d1" && 100 <= r.Timestamp),
            ">" => readings.Where(r => r.DeviceId == "d1" && 100 > r.Timestamp),
            _ => readings.Where(r => r.DeviceId == "d1" && 100 >= r.Timestamp),
        };

        Assert.Equal($"#n0 = :v0 AND #n1 {sent} :v1", Request(query).Member("KeyConditionExpression"));
    }

    [Fact]
    public void A_sort_key_comparison_before_the_partition_key_equality_still_joins_the_key_condition()
    {
        var request = Request(_db.Readings.Where(r => r.Timestamp > 5 && r.DeviceId == "d1"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0 AND #n1 > :v1", request.Member("KeyConditionExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:d1", [":v1"] = "N:5" }, request.Values());
    }

    [Fact]
    public void A_sort_key_inequality_is_a_Query_on_the_partition_that_checks_the_sort_key_on_returned_items()
    {
        var query = _db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp != 100);
        var request = Request(query);

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "DeviceId" }, request.Names());
        Assert.Contains("Then checked on each returned item", query.ToQueryString());
    }

    [Fact]
    public void An_inclusive_sort_key_range_is_a_BETWEEN_in_the_key_condition()
    {
        var request = Request(_db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp >= 10 && r.Timestamp <= 20));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:d1", [":v1"] = "N:10", [":v2"] = "N:20" }, request.Values());
    }

    [Fact]
    public void An_exclusive_sort_key_range_keys_on_one_bound_and_checks_the_other_on_returned_items()
    {
        var request = Request(_db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp > 10 && r.Timestamp < 20));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0 AND #n1 > :v1", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:d1", [":v1"] = "N:10" }, request.Values());
    }

    [Fact]
    public void A_second_partition_key_equality_is_a_Query_that_checks_the_other_value_on_returned_items()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.CustomerId == "c2"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
    }

    [Fact]
    public void A_sort_key_in_an_OR_beside_the_partition_key_is_a_Query_that_checks_the_OR_on_returned_items()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && (o.OrderId == "a" || o.IsGift)));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Null(request.Member("Limit"));
    }

    [Fact]
    public void Partition_key_equality_with_another_predicate_is_a_Query_with_a_filter()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.Total > 5));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n1 > :v1", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "Total" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:c1", [":v1"] = "N:5" }, request.Values());
    }

    [Fact]
    public void Predicates_of_two_Where_calls_are_combined()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1").Where(o => o.Total > 5).Where(o => o.IsGift));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("(#n1 > :v1 AND #n2 = :v2)", request.Member("FilterExpression"));
    }

    [Fact]
    public void A_predicate_on_a_non_key_attribute_is_a_Scan_with_a_filter()
    {
        var request = Request(_db.Orders.Where(o => o.Total > 100));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("Orders", request.Member("TableName"));
        Assert.Equal("#n0 > :v0", request.Member("FilterExpression"));
        Assert.Null(request.Member("KeyConditionExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Total" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:100" }, request.Values());
    }

    [Fact]
    public void A_query_without_a_predicate_is_a_Scan_without_a_filter()
    {
        var request = Request(_db.Orders);

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("Orders", request.Member("TableName"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Empty(request.Names());
        Assert.Empty(request.Values());
        Assert.False(request.TryGetProperty("Limit", out _));
    }

    [Fact]
    public void A_Where_that_is_always_true_is_a_Scan_without_a_filter()
    {
        var request = Request(_db.Orders.Where(o => true));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Null(request.Member("FilterExpression"));
    }

    [Fact]
    public void Partition_key_inequality_is_a_Scan()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId != "c1"));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("#n0 <> :v0", request.Member("FilterExpression"));
    }

    [Fact]
    public void A_sort_key_comparison_without_partition_key_equality_is_a_Scan()
    {
        var request = Request(_db.Readings.Where(r => r.Timestamp > 3));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("#n0 > :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Timestamp" }, request.Names());
    }

    [Fact]
    public void AND_is_written_with_parentheses()
    {
        var request = Request(_db.Orders.Where(o => o.Total > 5 && o.IsGift));

        Assert.Equal("(#n0 > :v0 AND #n1 = :v1)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Total", ["#n1"] = "IsGift" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:5", [":v1"] = "BOOL:true" }, request.Values());
    }

    [Fact]
    public void OR_is_written_with_parentheses()
    {
        var request = Request(_db.Orders.Where(o => o.Total > 5 || o.Total < 1));

        Assert.Equal("(#n0 > :v0 OR #n0 < :v1)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Total" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:5", [":v1"] = "N:1" }, request.Values());
    }

    [Fact]
    public void Partition_key_equality_inside_an_OR_is_a_Scan()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" || o.CustomerId == "c2"));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("(#n0 = :v0 OR #n0 = :v1)", request.Member("FilterExpression"));
    }

    [Fact]
    public void NOT_of_a_comparison_is_written_as_NOT()
    {
        var request = Request(_db.Orders.Where(o => !(o.Total > 5)));

        Assert.Equal("(NOT #n0 > :v0)", request.Member("FilterExpression"));
    }

    [Fact]
    public void NOT_of_an_OR_is_written_as_NOT_of_the_group()
    {
        var request = Request(_db.Orders.Where(o => !(o.Total > 5 || o.IsGift)));

        Assert.Equal("(NOT (#n0 > :v0 OR #n1 = :v1))", request.Member("FilterExpression"));
    }

    [Fact]
    public void A_bool_property_is_compared_with_true()
    {
        var request = Request(_db.Orders.Where(o => o.IsGift));

        Assert.Equal("#n0 = :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "BOOL:true" }, request.Values());
    }

    [Fact]
    public void A_negated_bool_property_is_compared_with_false()
    {
        var request = Request(_db.Orders.Where(o => !o.IsGift));

        Assert.Equal("#n0 = :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "BOOL:false" }, request.Values());
    }

    [Fact]
    public void Not_equal_on_a_nullable_property_also_matches_items_without_the_attribute()
    {
        var request = Request(_db.Orders.Where(o => o.Quantity != 3));

        Assert.Equal("(attribute_not_exists(#n0) OR #n0 <> :v0)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Quantity" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:3" }, request.Values());
    }

    [Fact]
    public void Not_equal_on_a_nullable_string_also_matches_items_without_the_attribute()
    {
        var request = Request(_db.Orders.Where(o => o.Note != "x"));

        Assert.Equal("(attribute_not_exists(#n0) OR #n0 <> :v0)", request.Member("FilterExpression"));
    }

    [Fact]
    public void Not_equal_on_a_required_property_is_a_plain_comparison()
    {
        var request = Request(_db.Orders.Where(o => o.Total != 3));

        Assert.Equal("#n0 <> :v0", request.Member("FilterExpression"));
    }

    [Fact]
    public void Equal_null_matches_a_missing_or_NULL_attribute()
    {
        var request = Request(_db.Orders.Where(o => o.Note == null));

        Assert.Equal("(attribute_not_exists(#n0) OR attribute_type(#n0, :null))", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Note" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":null"] = "S:NULL" }, request.Values());
    }

    [Fact]
    public void Equal_null_on_a_nullable_number_matches_a_missing_or_NULL_attribute()
    {
        var request = Request(_db.Orders.Where(o => o.Quantity == null));

        Assert.Equal("(attribute_not_exists(#n0) OR attribute_type(#n0, :null))", request.Member("FilterExpression"));
    }

    [Fact]
    public void Not_equal_null_matches_a_present_attribute_that_is_not_NULL()
    {
        var request = Request(_db.Orders.Where(o => o.Note != null));

        Assert.Equal("(attribute_exists(#n0) AND NOT attribute_type(#n0, :null))", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":null"] = "S:NULL" }, request.Values());
    }

    [Fact]
    public void A_null_captured_variable_compares_like_a_null_constant()
    {
        string? note = null;

        var request = Request(_db.Orders.Where(o => o.Note == note));

        Assert.Equal("(attribute_not_exists(#n0) OR attribute_type(#n0, :null))", request.Member("FilterExpression"));
    }

    [Fact]
    public void An_ordering_comparison_with_null_matches_nothing()
    {
        int? quantity = null;

        var request = Request(_db.Orders.Where(o => o.Quantity > quantity));

        Assert.Equal("(attribute_exists(#n0) AND attribute_not_exists(#n0))", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Quantity" }, request.Names());
        Assert.Empty(request.Values());
    }

    [Fact]
    public void The_NULL_type_value_is_shared_by_several_null_checks()
    {
        var request = Request(_db.Orders.Where(o => o.Note == null && o.Quantity == null));

        Assert.Equal(
            "((attribute_not_exists(#n0) OR attribute_type(#n0, :null)) AND (attribute_not_exists(#n1) OR attribute_type(#n1, :null)))",
            request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":null"] = "S:NULL" }, request.Values());
    }

    [Theory]
    [InlineData("<", ">")]
    [InlineData("<=", ">=")]
    [InlineData(">", "<")]
    [InlineData(">=", "<=")]
    [InlineData("==", "=")]
    [InlineData("!=", "<>")]
    public void A_comparison_with_the_value_on_the_left_mirrors_the_operator(string written, string sent)
    {
        IQueryable<Order> orders = _db.Orders;
        var query = written switch
        {
            "<" => orders.Where(o => 5 < o.Total),
            "<=" => orders.Where(o => 5 <= o.Total),
            ">" => orders.Where(o => 5 > o.Total),
            ">=" => orders.Where(o => 5 >= o.Total),
            "==" => orders.Where(o => 5 == o.Total),
            _ => orders.Where(o => 5 != o.Total),
        };

        var request = Request(query);

        Assert.Equal($"#n0 {sent} :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:5" }, request.Values());
    }

    [Fact]
    public void An_enum_is_compared_by_its_number()
    {
        var request = Request(_db.Orders.Where(o => o.Status == OrderStatus.Shipped));

        Assert.Equal("#n0 = :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Status" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:1" }, request.Values());
    }

    [Fact]
    public void An_enum_ordering_comparison_uses_its_number()
    {
        var request = Request(_db.Orders.Where(o => o.Status > OrderStatus.Placed));

        Assert.Equal("#n0 > :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:0" }, request.Values());
    }

    [Fact]
    public void A_captured_enum_variable_is_compared_by_its_number()
    {
        var status = OrderStatus.Delivered;

        var request = Request(_db.Orders.Where(o => o.Status == status));

        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:2" }, request.Values());
    }

    [Fact]
    public void An_enum_converted_to_string_is_compared_by_its_name()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Order>(o =>
        {
            o.HasKey(x => new { x.CustomerId, x.OrderId });
            o.Property(x => x.Status).HasConversion<string>();
            o.Ignore(x => x.Customer);
        }));

        var request = Request(db.Set<Order>().Where(o => o.Status == OrderStatus.Shipped));

        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:Shipped" }, request.Values());
    }

    [Fact]
    public void A_captured_variable_becomes_a_value()
    {
        var minimum = 12.5m;

        var request = Request(_db.Orders.Where(o => o.Total >= minimum));

        Assert.Equal("#n0 >= :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:12.5" }, request.Values());
    }

    [Fact]
    public void A_captured_key_variable_becomes_a_key_value()
    {
        var customerId = "c7";
        var orderId = "o9";

        var request = Request(_db.Orders.Where(o => o.CustomerId == customerId && o.OrderId == orderId));

        Assert.Equal(new Dictionary<string, string> { ["CustomerId"] = "S:c7", ["OrderId"] = "S:o9" }, request.Map("Key"));
    }

    [Fact]
    public void The_same_query_with_another_captured_value_sends_the_new_value()
    {
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:first" }, Request(CustomerOrders("first")).Values());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:second" }, Request(CustomerOrders("second")).Values());

        IQueryable<Order> CustomerOrders(string customerId) => _db.Orders.Where(o => o.CustomerId == customerId);
    }

    [Fact]
    public void A_comparison_with_a_wider_number_keeps_the_fraction()
    {
        var threshold = 2.5;

        var request = Request(_db.Products.Where(p => p.Stock >= threshold));

        Assert.Equal("#n0 >= :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:2.5" }, request.Values());
    }

    [Fact]
    public void A_comparison_with_a_wider_number_out_of_the_property_range_is_sent_as_it_is()
    {
        var limit = 5_000_000_000L;

        var request = Request(_db.Products.Where(p => p.Stock < limit));

        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:5000000000" }, request.Values());
    }

    [Fact]
    public void A_comparison_with_a_wider_number_that_fits_is_sent_in_the_property_type()
    {
        long limit = 7;

        var request = Request(_db.Products.Where(p => p.Stock < limit));

        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:7" }, request.Values());
    }

    [Fact]
    public void Reserved_word_attribute_names_appear_only_in_ExpressionAttributeNames()
    {
        var request = Request(_db.Products.Where(p => p.Name == "pen" && p.Status == "active" && p.Date == new DateOnly(2024, 1, 2)));

        Assert.Equal("((#n0 = :v0 AND #n1 = :v1) AND #n2 = :v2)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Name", ["#n1"] = "Status", ["#n2"] = "Date" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:pen", [":v1"] = "S:active", [":v2"] = "S:2024-01-02" }, request.Values());
    }

    [Fact]
    public void A_reserved_word_partition_key_appears_only_in_ExpressionAttributeNames()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Product>().Property(p => p.Id).HasAttributeName("Key"));

        var request = Request(db.Set<Product>().Where(p => p.Id == 1 && p.Stock > 2));

        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n1 > :v1", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Key", ["#n1"] = "Stock" }, request.Names());
    }

    [Fact]
    public void Attribute_names_set_with_HasAttributeName_are_used_in_requests()
    {
        using var db = TestContexts.Scenario(b =>
        {
            b.Entity<Product>().Property(p => p.Id).HasAttributeName("pk");
            b.Entity<Product>().Property(p => p.Stock).HasAttributeName("qty");
        });

        Assert.Equal(new Dictionary<string, string> { ["pk"] = "N:3" }, Request(db.Set<Product>().Where(p => p.Id == 3)).Map("Key"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "qty" }, Request(db.Set<Product>().Where(p => p.Stock > 3)).Names());
    }

    [Fact]
    public void EF_Property_is_translated_like_the_property()
    {
        var request = Request(_db.Orders.Where(o => EF.Property<string>(o, "Note") == "x"));

        Assert.Equal("#n0 = :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Note" }, request.Names());
    }

    [Fact]
    public void A_null_partition_key_parameter_sends_no_request()
    {
        string? customerId = null;

        Assert.Equal(NoRequest, _db.Orders.Where(o => o.CustomerId == customerId).ToQueryString());
    }

    [Fact]
    public void A_null_key_parameter_of_a_GetItem_sends_no_request()
    {
        string? orderId = null;

        Assert.Equal(NoRequest, _db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId == orderId).ToQueryString());
    }

    [Fact]
    public void A_null_sort_key_parameter_of_a_Query_sends_no_request()
    {
        string? orderId = null;

        Assert.Equal(NoRequest, _db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId == orderId && o.IsGift).ToQueryString());
    }

    [Fact]
    public async Task A_null_key_parameter_returns_no_rows_without_a_server()
    {
        string? customerId = null;

        Assert.Empty(await _db.Orders.Where(o => o.CustomerId == customerId).ToListAsync());
    }

    [Fact]
    public void A_query_over_an_entity_type_with_navigations_is_translated()
    {
        var request = Request(_db.Customers.Where(c => c.Id == "c1"));

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Equal("Customers", request.Member("TableName"));
    }

    [Fact]
    public void Every_value_goes_through_a_placeholder()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "DROP TABLE" && o.Note == "x) OR (1 = 1"));

        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n1 = :v1", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:DROP TABLE", [":v1"] = "S:x) OR (1 = 1" }, request.Values());
    }

    [Fact]
    public void SelectMany_over_a_collection_navigation_looks_the_dependents_up_by_the_principals_keys()
    {
        var text = _db.Customers.SelectMany(c => c.Orders).ToQueryString();

        Assert.Contains("-- Lookup, by the keys the reads above return: 'Order' by 'CustomerId'", text);
        Assert.Contains("-- Then on the client, over the results:", text);
    }

    [Fact]
    public void A_filter_on_a_reference_navigation_reads_the_principals_by_key_and_filters_on_the_client()
    {
        var text = _db.Orders.Where(o => o.Customer!.Name == "Ada").ToQueryString();

        Assert.Contains("-- Lookup, by the keys the reads above return: 'Customer' by 'Id'", text);
        Assert.Contains("with BatchGetItem", text);
        Assert.Contains("-- Then on the client, over the results:", text);
    }

    [Fact]
    public void Values_are_hidden_without_sensitive_data_logging()
    {
        using var db = TestContexts.Shop(sensitiveDataLogging: false);

        var request = Request(db.Orders.Where(o => o.CustomerId == "secret" && o.Total > 5));

        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:?", [":v1"] = "N:?" }, request.Values());
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "Total" }, request.Names());
    }

    [Fact]
    public void Key_values_are_hidden_without_sensitive_data_logging()
    {
        using var db = TestContexts.Shop(sensitiveDataLogging: false);

        Assert.Equal(new Dictionary<string, string> { ["Id"] = "N:?" }, Request(db.Products.Where(p => p.Id == 42)).Map("Key"));
    }

    private const string CheckedOnReturnedItems = "-- Then checked on each returned item (what a key lookup, or a Query filter on its own keys, cannot hold): ";

    [Fact]
    public void An_inclusive_sort_key_range_written_upper_bound_first_is_a_BETWEEN()
    {
        var request = Request(_db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp <= 20 && r.Timestamp >= 10));

        Assert.Equal("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2", request.Member("KeyConditionExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:d1", [":v1"] = "N:10", [":v2"] = "N:20" }, request.Values());
    }

    [Fact]
    public void An_inclusive_sort_key_range_of_captured_bounds_is_a_BETWEEN_of_their_values()
    {
        var from = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var to = from + 10;

        var request = Request(_db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp >= from && r.Timestamp <= to));

        Assert.Equal("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2", request.Member("KeyConditionExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:d1", [":v1"] = "N:" + from, [":v2"] = "N:" + to }, request.Values());
        Assert.Empty(RequestJson.Notes(_db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp >= from && r.Timestamp <= to)));
    }

    [Fact]
    public void An_exclusive_sort_key_range_says_the_other_bound_is_checked_on_returned_items()
        => Assert.Equal(
            [CheckedOnReturnedItems + "Timestamp LessThan '20'"],
            RequestJson.Notes(_db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp > 10 && r.Timestamp < 20)));

    [Fact]
    public void A_half_open_sort_key_range_keys_on_the_lower_bound_and_checks_the_upper_bound_on_returned_items()
    {
        var query = _db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp >= 10 && r.Timestamp < 20);

        var request = Request(query);

        Assert.Equal("#n0 = :v0 AND #n1 >= :v1", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:d1", [":v1"] = "N:10" }, request.Values());
        Assert.Equal([CheckedOnReturnedItems + "Timestamp LessThan '20'"], RequestJson.Notes(query));
    }

    [Fact]
    public void A_half_open_sort_key_range_with_an_inclusive_upper_bound_keys_on_the_first_bound()
    {
        var query = _db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp > 10 && r.Timestamp <= 20);

        var request = Request(query);

        Assert.Equal("#n0 = :v0 AND #n1 > :v1", request.Member("KeyConditionExpression"));
        Assert.Equal([CheckedOnReturnedItems + "Timestamp LessThanOrEqual '20'"], RequestJson.Notes(query));
    }

    [Fact]
    public void A_checked_bound_from_a_captured_variable_names_the_parameter_not_the_value()
    {
        var upper = 20L;

        Assert.Equal(
            [CheckedOnReturnedItems + "Timestamp LessThan @upper"],
            RequestJson.Notes(_db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp > 10 && r.Timestamp < upper)));
    }

    [Fact]
    public void A_half_open_range_with_a_filter_keeps_the_filter_in_the_request()
    {
        var query = _db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp > 10 && r.Timestamp < 20 && r.Value > 0.5);

        var request = Request(query);

        Assert.Equal("#n0 = :v0 AND #n1 > :v1", request.Member("KeyConditionExpression"));
        Assert.Equal("#n2 > :v2", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "DeviceId", ["#n1"] = "Timestamp", ["#n2"] = "Value" }, request.Names());
        Assert.Single(RequestJson.Notes(query));
    }

    [Fact]
    public void A_Query_whose_key_condition_covers_everything_has_no_note()
        => Assert.Empty(RequestJson.Notes(_db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp > 10)));

    [Fact]
    public void EF_Functions_BeginsWith_on_the_sort_key_is_begins_with_in_the_key_condition()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && EF.Functions.BeginsWith(o.OrderId, "2024-")));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0 AND begins_with(#n1, :v1)", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:c1", [":v1"] = "S:2024-" }, request.Values());
    }

    [Fact]
    public void StartsWith_ordinal_on_the_sort_key_is_begins_with_in_the_key_condition()
        => Assert.Equal(
            "#n0 = :v0 AND begins_with(#n1, :v1)",
            Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId.StartsWith("2024-", StringComparison.Ordinal))).Member("KeyConditionExpression"));

    [Fact]
    public void StartsWith_ignoring_case_is_checked_on_the_items_the_partition_key_query_returns()
    {
        var query = _db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId.StartsWith("a", StringComparison.OrdinalIgnoreCase));

        Assert.Equal("#n0 = :v0", Request(query).Member("KeyConditionExpression"));
        Assert.Contains(RequestJson.Notes(query), n => n.Contains("OrdinalIgnoreCase", StringComparison.Ordinal));
    }

    [Fact]
    public void StartsWith_a_captured_prefix_on_the_sort_key_sends_its_value()
    {
        var prefix = "2025-";

        Assert.Equal(
            new Dictionary<string, string> { [":v0"] = "S:c1", [":v1"] = "S:2025-" },
            Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId.StartsWith(prefix))).Values());
    }

    [Fact]
    public void A_null_prefix_on_the_sort_key_sends_no_request()
    {
        string? prefix = null;

        Assert.Equal(NoRequest, _db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId.StartsWith(prefix!)).ToQueryString());
    }

    public static TheoryData<string, string> CompareForms => new()
    {
        { "CompareTo <", "<" },
        { "CompareTo <=", "<=" },
        { "CompareTo >", ">" },
        { "CompareTo >=", ">=" },
        { "Compare <", "<" },
        { "Compare <=", "<=" },
        { "Compare >", ">" },
        { "Compare >=", ">=" },
        { "0 < CompareTo", ">" },
        { "0 <= CompareTo", ">=" },
        { "0 > CompareTo", "<" },
        { "0 >= CompareTo", "<=" },
        { "0 < Compare", ">" },
        { "0 > Compare", "<" },
        { "value CompareTo key >", "<" },
        { "Compare value, key <=", ">=" },
    };

    [Theory]
    [MemberData(nameof(CompareForms))]
    public void A_string_comparison_on_the_sort_key_joins_the_key_condition(string form, string sent)
    {
        IQueryable<Order> orders = _db.Orders.Where(o => o.CustomerId == "c1");
        var query = form switch
        {
            "CompareTo <" => orders.Where(o => o.OrderId.CompareTo("m") < 0),
            "CompareTo <=" => orders.Where(o => o.OrderId.CompareTo("m") <= 0),
            "CompareTo >" => orders.Where(o => o.OrderId.CompareTo("m") > 0),
            "CompareTo >=" => orders.Where(o => o.OrderId.CompareTo("m") >= 0),
            "Compare <" => orders.Where(o => string.Compare(o.OrderId, "m") < 0),
            "Compare <=" => orders.Where(o => string.Compare(o.OrderId, "m") <= 0),
            "Compare >" => orders.Where(o => string.Compare(o.OrderId, "m") > 0),
            "Compare >=" => orders.Where(o => string.Compare(o.OrderId, "m") >= 0),
            "0 < CompareTo" => orders.Where(o => 0 < o.OrderId.CompareTo("m")),
            "0 <= CompareTo" => orders.Where(o => 0 <= o.OrderId.CompareTo("m")),
            "0 > CompareTo" => orders.Where(o => 0 > o.OrderId.CompareTo("m")),
            "0 >= CompareTo" => orders.Where(o => 0 >= o.OrderId.CompareTo("m")),
            "0 < Compare" => orders.Where(o => 0 < string.Compare(o.OrderId, "m")),
            "0 > Compare" => orders.Where(o => 0 > string.Compare(o.OrderId, "m")),
            "value CompareTo key >" => orders.Where(o => "m".CompareTo(o.OrderId) > 0),
            _ => orders.Where(o => string.Compare("m", o.OrderId) <= 0),
        };

        var request = Request(query);

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal($"#n0 = :v0 AND #n1 {sent} :v1", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "OrderId" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:c1", [":v1"] = "S:m" }, request.Values());
    }

    [Fact]
    public void A_string_comparison_equal_to_zero_on_the_whole_key_is_a_GetItem()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId.CompareTo("o1") == 0));

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Equal(new Dictionary<string, string> { ["CustomerId"] = "S:c1", ["OrderId"] = "S:o1" }, request.Map("Key"));
    }

    [Fact]
    public void A_string_comparison_on_another_attribute_is_a_filter()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && string.Compare(o.Note, "m") > 0));

        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n1 > :v1", request.Member("FilterExpression"));
    }

    [Fact]
    public void Two_string_comparisons_of_the_sort_key_with_inclusive_bounds_are_a_BETWEEN()
        => Assert.Equal(
            "#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2",
            Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId.CompareTo("a") >= 0 && o.OrderId.CompareTo("m") <= 0)).Member("KeyConditionExpression"));

    [Fact]
    public void A_string_comparison_with_something_other_than_zero_is_checked_on_the_client()
    {
        var query = _db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId.CompareTo("x") > 1);

        Assert.Equal("#n0 = :v0", Request(query).Member("KeyConditionExpression"));
        Assert.Contains("o.OrderId.CompareTo(\"x\") > 1", RequestJson.Notes(query).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_call_in_a_predicate_is_checked_on_the_client_and_quoted_as_written()
        => Assert.Contains(
            "o.Note.EndsWith(\"x\")",
            RequestJson.Notes(_db.Orders.Where(o => o.Note!.EndsWith("x"))).Single(),
            StringComparison.Ordinal);

    [Fact]
    public void A_comparison_of_two_attributes_is_checked_on_the_client_and_quoted_as_written()
    {
        var query = _db.Orders.Where(o => o.Total > o.Quantity);

        Assert.Null(Request(query).Member("FilterExpression"));
        Assert.Contains("(decimal?)o.Total > (decimal?)o.Quantity", RequestJson.Notes(query).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_predicate_on_an_unmapped_property_says_it_is_not_mapped()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Product>().Ignore(p => p.Status));

        Assert.Contains(
            Microsoft.EntityFrameworkCore.Diagnostics.CoreStrings.QueryUnableToTranslateMember("Status", "Product"),
            Assert.Throws<InvalidOperationException>(() => db.Set<Product>().Where(p => p.Status == "x").ToQueryString()).Message);
    }

    [Fact]
    public void Contains_on_250_values_is_split_into_IN_lists_of_at_most_100_joined_by_OR()
    {
        var stocks = Enumerable.Range(1, 250).ToList();

        var request = Request(_db.Products.Where(p => stocks.Contains(p.Stock)));

        string In(int from, int count) => "#n0 IN (" + string.Join(", ", Enumerable.Range(from, count).Select(i => ":v" + i)) + ")";
        Assert.Equal("(" + In(0, 100) + " OR " + In(100, 100) + " OR " + In(200, 50) + ")", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Stock" }, request.Names());
        Assert.Equal(stocks.Select((v, i) => (":v" + i, "N:" + v)).ToDictionary(), request.Values());
    }

    [Fact]
    public void Contains_on_exactly_100_values_is_one_IN_list()
    {
        var stocks = Enumerable.Range(1, 100).ToList();

        var filter = Request(_db.Products.Where(p => stocks.Contains(p.Stock))).Member("FilterExpression");

        Assert.Equal("#n0 IN (" + string.Join(", ", Enumerable.Range(0, 100).Select(i => ":v" + i)) + ")", filter);
    }

    [Fact]
    public void Contains_on_values_with_duplicates_sends_each_value_once()
    {
        var stocks = new[] { 3, 1, 3, 1 };

        var request = Request(_db.Products.Where(p => stocks.Contains(p.Stock)));

        Assert.Equal("#n0 IN (:v0, :v1)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:3", [":v1"] = "N:1" }, request.Values());
    }

    [Fact]
    public void Contains_on_values_equal_only_after_conversion_sends_each_as_given()
    {
        var stocks = new object[] { 1, 1L, 1 };

        var request = Request(_db.Products.Where(p => stocks.Contains((object)p.Stock)));

        Assert.Equal("#n0 IN (:v0, :v1)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:1", [":v1"] = "N:1" }, request.Values());
    }

    [Fact]
    public void Contains_on_values_with_a_null_also_matches_a_missing_or_NULL_attribute()
    {
        var notes = new[] { "a", null, "b" };

        var request = Request(_db.Orders.Where(o => notes.Contains(o.Note)));

        Assert.Equal("(#n0 IN (:v0, :v1) OR attribute_not_exists(#n0) OR attribute_type(#n0, :null))", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Note" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:a", [":v1"] = "S:b", [":null"] = "S:NULL" }, request.Values());
    }

    [Fact]
    public void Contains_on_only_null_matches_a_missing_or_NULL_attribute_as_one_group()
    {
        var notes = new string?[] { null };

        var request = Request(_db.Orders.Where(o => o.IsGift && notes.Contains(o.Note)));

        Assert.Equal("(#n0 = :v0 AND (attribute_not_exists(#n1) OR attribute_type(#n1, :null)))", request.Member("FilterExpression"));
    }

    [Fact]
    public void Not_Contains_on_values_with_a_null_negates_the_whole_group()
    {
        var notes = new[] { "a", null };

        Assert.Equal(
            "(NOT (#n0 IN (:v0) OR attribute_not_exists(#n0) OR attribute_type(#n0, :null)))",
            Request(_db.Orders.Where(o => !notes.Contains(o.Note))).Member("FilterExpression"));
    }

    [Fact]
    public void Not_Contains_on_only_null_negates_the_whole_null_check()
    {
        var notes = new string?[] { null };

        Assert.Equal(
            "(NOT (attribute_not_exists(#n0) OR attribute_type(#n0, :null)))",
            Request(_db.Orders.Where(o => !notes.Contains(o.Note))).Member("FilterExpression"));
    }

    [Fact]
    public void Contains_on_250_values_beside_another_condition_keeps_the_ORs_grouped()
    {
        var stocks = Enumerable.Range(1, 250).ToList();

        var filter = Request(_db.Products.Where(p => p.Name == "pen" && stocks.Contains(p.Stock))).Member("FilterExpression");

        string In(int from, int count) => "#n1 IN (" + string.Join(", ", Enumerable.Range(from, count).Select(i => ":v" + i)) + ")";
        Assert.Equal("(#n0 = :v0 AND (" + In(1, 100) + " OR " + In(101, 100) + " OR " + In(201, 50) + "))", filter);
    }

    [Fact]
    public void Contains_on_values_of_an_index_key_attribute_is_an_IN_filter_on_a_Scan()
    {
        var statuses = new[] { OrderStatus.Placed };

        var request = Request(_db.Orders.Where(o => statuses.Contains(o.Status)));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("#n0 IN (:v0)", request.Member("FilterExpression"));
    }

    [Fact]
    public void String_Contains_ordinal_is_a_contains_filter()
    {
        var request = Request(_db.Orders.Where(o => o.CustomerId == "c1" && o.Note!.Contains("gift", StringComparison.Ordinal)));

        Assert.Equal("contains(#n1, :v1)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:c1", [":v1"] = "S:gift" }, request.Values());
    }

    [Fact]
    public void String_Contains_of_a_captured_null_matches_nothing()
    {
        string? part = null;

        Assert.Equal(
            "(attribute_exists(#n0) AND attribute_not_exists(#n0))",
            Request(_db.Orders.Where(o => o.Note!.Contains(part!))).Member("FilterExpression"));
    }

    [Fact]
    public void EF_Functions_Size_is_a_size_comparison()
    {
        var request = Request(_db.Orders.Where(o => EF.Functions.Size(o.Note) >= 2));

        Assert.Equal("size(#n0) >= :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Note" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:2" }, request.Values());
    }

    [Fact]
    public void A_size_comparison_with_the_value_on_the_left_mirrors_the_operator()
        => Assert.Equal("size(#n0) > :v0", Request(_db.Orders.Where(o => 3 < o.Note!.Length)).Member("FilterExpression"));

    [Fact]
    public void A_size_equality_from_a_captured_length_sends_its_value()
    {
        var length = 4;

        var request = Request(_db.Orders.Where(o => o.Note!.Length == length));

        Assert.Equal("size(#n0) = :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:4" }, request.Values());
    }

    [Fact]
    public void EF_Functions_AttributeType_accepts_every_DynamoDB_type_name()
    {
        foreach (var type in new[] { "S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS" })
        {
            Assert.Equal("S:" + type, Request(_db.Orders.Where(o => EF.Functions.AttributeType(o.Note, type))).Values()[":v0"]);
        }
    }

    [Fact]
    public void EF_Functions_AttributeType_with_a_lower_case_type_says_why_it_could_not_be_translated()
    {
        var message = Assert.Throws<InvalidOperationException>(() => _db.Orders.Where(o => EF.Functions.AttributeType(o.Note, "s")).ToQueryString()).Message;

        Assert.Contains("could not be translated", message);
        Assert.Contains(DynamoDbStrings.InvalidAttributeType("s"), message);
    }

    [Fact]
    public void NOT_of_an_AND_is_written_as_NOT_of_the_group()
        => Assert.Equal("(NOT (#n0 > :v0 AND #n1 = :v1))", Request(_db.Orders.Where(o => !(o.Total > 5 && o.IsGift))).Member("FilterExpression"));

    [Fact]
    public void NOT_of_StartsWith_is_NOT_begins_with()
        => Assert.Equal("(NOT begins_with(#n0, :v0))", Request(_db.Orders.Where(o => !o.Note!.StartsWith("x"))).Member("FilterExpression"));

    [Fact]
    public void NOT_of_string_Contains_is_NOT_contains()
        => Assert.Equal("(NOT contains(#n0, :v0))", Request(_db.Orders.Where(o => !o.Note!.Contains("x"))).Member("FilterExpression"));

    [Fact]
    public void NOT_of_an_IN_is_NOT_of_the_IN()
    {
        var statuses = new[] { OrderStatus.Placed, OrderStatus.Shipped };

        Assert.Equal("(NOT #n0 IN (:v0, :v1))", Request(_db.Orders.Where(o => !statuses.Contains(o.Status))).Member("FilterExpression"));
    }

    [Fact]
    public void NOT_of_a_null_check_negates_the_whole_check()
        => Assert.Equal(
            "(NOT (attribute_not_exists(#n0) OR attribute_type(#n0, :null)))",
            Request(_db.Orders.Where(o => !(o.Note == null))).Member("FilterExpression"));

    [Fact]
    public void NOT_of_EF_Functions_AttributeExists_is_NOT_attribute_exists()
        => Assert.Equal("(NOT attribute_exists(#n0))", Request(_db.Orders.Where(o => !EF.Functions.AttributeExists(o.Note))).Member("FilterExpression"));

    [Fact]
    public void A_double_negation_is_written_as_two_NOTs()
        => Assert.Equal("(NOT (NOT #n0 > :v0))", Request(_db.Orders.Where(o => !!(o.Total > 5))).Member("FilterExpression"));

    [Fact]
    public void NOT_of_a_sort_key_comparison_is_checked_on_returned_items_of_the_Query()
    {
        var query = _db.Readings.Where(r => r.DeviceId == "d1" && !(r.Timestamp > 5));

        var request = Request(query);

        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Single(RequestJson.Notes(query));
    }

    [Fact]
    public void Filter_values_are_hidden_without_sensitive_data_logging()
    {
        using var db = TestContexts.Shop(sensitiveDataLogging: false);
        var notes = new[] { "secret-a", "secret-b" };

        var request = Request(db.Orders.Where(o => notes.Contains(o.Note) && o.Note!.StartsWith("secret")));

        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:?", [":v1"] = "S:?", [":v2"] = "S:?" }, request.Values());
        Assert.DoesNotContain("secret", db.Orders.Where(o => notes.Contains(o.Note) && o.Note!.StartsWith("secret")).ToQueryString());
    }

    [Fact]
    public void Filter_values_are_shown_with_sensitive_data_logging()
    {
        var notes = new[] { "secret-a", "secret-b" };

        Assert.Equal(
            new Dictionary<string, string> { [":v0"] = "S:secret-a", [":v1"] = "S:secret-b" },
            Request(_db.Orders.Where(o => notes.Contains(o.Note))).Values());
    }

    [Fact]
    public void Key_values_are_shown_with_sensitive_data_logging()
        => Assert.Equal(new Dictionary<string, string> { ["Id"] = "N:42" }, Request(_db.Products.Where(p => p.Id == 42)).Map("Key"));
}
