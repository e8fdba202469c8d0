using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The requests of queries that end in one value (Count, Any, First, Single, Last, Min, Max) or read no rows.
/// <c>ToQueryString</c> cannot be called on a scalar query, so these tests execute the query against
/// <see cref="RecordingClientWrapper" />, which records each request and answers it itself: nothing is sent.
/// </summary>
public sealed class DynamoDbScalarQueryRequestTests : IAsyncDisposable
{
    private readonly ShopContext _db = TestContexts.Shop(configure: RecordingClientWrapper.Use);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private RecordingClientWrapper Client => RecordingClientWrapper.Of(_db);

    [Fact]
    public async Task A_predicate_that_is_always_false_sends_nothing()
    {
        var orders = await _db.Orders.Where(o => false).ToListAsync();
        var count = await _db.Orders.Where(o => false).CountAsync();
        var any = await _db.Orders.Where(o => false).Where(o => o.CustomerId == "c1").AnyAsync();

        Assert.Empty(orders);
        Assert.Equal(0, count);
        Assert.False(any);
        Assert.Empty(Client.Requests);
        Assert.StartsWith("-- No request", _db.Orders.Where(o => false).ToQueryString());
    }

    private static Dictionary<string, AttributeValue> ReadingItem(long timestamp)
        => new()
        {
            ["DeviceId"] = new AttributeValue { S = "d1" },
            ["Timestamp"] = new AttributeValue { N = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["Value"] = new AttributeValue { N = "1.5" },
        };

    [Fact]
    public async Task Count_on_a_Query_asks_DynamoDB_to_count()
    {
        Client.Respond = _ => [ReadingItem(1), ReadingItem(2)];

        var count = await _db.Readings.Where(r => r.DeviceId == "d1").CountAsync();

        Assert.Equal(2, count);
        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Equal(Select.COUNT, request.Select);
        Assert.Equal("#n0 = :v0", request.KeyConditionExpression);
        Assert.Null(request.Limit);
        Assert.Null(request.ProjectionExpression);
    }

    [Fact]
    public async Task Count_with_a_predicate_on_a_Scan_asks_DynamoDB_to_count_with_the_filter()
    {
        await _db.Orders.CountAsync(o => o.Total > 1);

        var request = Assert.IsType<ScanRequest>(Assert.Single(Client.Requests));
        Assert.Equal(Select.COUNT, request.Select);
        Assert.Equal("#n0 > :v0", request.FilterExpression);
        Assert.Null(request.Limit);
    }

    [Fact]
    public async Task LongCount_asks_DynamoDB_to_count()
    {
        await _db.Orders.LongCountAsync();

        Assert.Equal(Select.COUNT, Assert.IsType<ScanRequest>(Assert.Single(Client.Requests)).Select);
    }

    [Fact]
    public async Task Any_asks_DynamoDB_to_count()
    {
        Client.Respond = _ => [ReadingItem(1)];

        Assert.True(await _db.Readings.AnyAsync(r => r.DeviceId == "d1"));

        Assert.Equal(Select.COUNT, Assert.IsType<QueryRequest>(Assert.Single(Client.Requests)).Select);
    }

    [Fact]
    public async Task All_asks_DynamoDB_to_count_the_items_that_fail_the_predicate()
    {
        Assert.True(await _db.Readings.Where(r => r.DeviceId == "d1").AllAsync(r => r.Value > 0));

        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Equal(Select.COUNT, request.Select);
        Assert.Equal("(NOT #n1 > :v1)", request.FilterExpression);
    }

    [Fact]
    public async Task Count_after_Take_reads_the_items_instead_of_counting()
    {
        Client.Respond = _ => [ReadingItem(1), ReadingItem(2), ReadingItem(3)];

        Assert.Equal(2, await _db.Readings.Where(r => r.DeviceId == "d1").Take(2).CountAsync());

        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Null(request.Select);
        Assert.Equal(2, request.Limit);
    }

    [Fact]
    public async Task Count_after_Skip_reads_the_items_instead_of_counting()
    {
        Client.Respond = _ => [ReadingItem(1), ReadingItem(2), ReadingItem(3)];

        Assert.Equal(2, await _db.Readings.Where(r => r.DeviceId == "d1").Skip(1).CountAsync());

        Assert.Null(Assert.IsType<QueryRequest>(Assert.Single(Client.Requests)).Select);
    }

    [Fact]
    public async Task Count_of_distinct_values_reads_the_projected_attribute_instead_of_counting()
    {
        Client.Respond = _ => [ReadingItem(1), ReadingItem(2)];

        Assert.Equal(1, await _db.Readings.Where(r => r.DeviceId == "d1").Select(r => r.Value).Distinct().CountAsync());

        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Null(request.Select);
        Assert.Equal("#n1", request.ProjectionExpression);
    }

    [Fact]
    public async Task Count_of_a_Query_that_checks_a_key_on_returned_items_reads_the_items_instead_of_counting()
    {
        Client.Respond = _ => [ReadingItem(1), ReadingItem(5)];

        Assert.Equal(1, await _db.Readings.CountAsync(r => r.DeviceId == "d1" && r.Timestamp != 5));

        Assert.Null(Assert.IsType<QueryRequest>(Assert.Single(Client.Requests)).Select);
    }

    [Fact]
    public async Task Count_on_a_whole_key_is_a_GetItem()
    {
        Assert.Equal(0, await _db.Products.CountAsync(p => p.Id == 3));

        Assert.Equal(3.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<GetItemRequest>(Assert.Single(Client.Requests)).Key["Id"].N);
    }

    [Fact]
    public async Task First_reads_one_item()
    {
        Client.Respond = _ => [ReadingItem(1)];

        await _db.Readings.Where(r => r.DeviceId == "d1").FirstAsync();

        Assert.Equal(1, Assert.IsType<QueryRequest>(Assert.Single(Client.Requests)).Limit);
    }

    [Fact]
    public async Task FirstOrDefault_with_a_predicate_reads_one_item()
    {
        await _db.Readings.FirstOrDefaultAsync(r => r.DeviceId == "d1" && r.Timestamp > 3);

        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Equal(1, request.Limit);
        Assert.Equal("#n0 = :v0 AND #n1 > :v1", request.KeyConditionExpression);
    }

    [Fact]
    public async Task Single_reads_two_items_to_tell_one_from_several()
    {
        Client.Respond = _ => [ReadingItem(1)];

        await _db.Readings.Where(r => r.DeviceId == "d1").SingleAsync();

        Assert.Equal(2, Assert.IsType<QueryRequest>(Assert.Single(Client.Requests)).Limit);
    }

    [Fact]
    public async Task SingleOrDefault_reads_two_items_to_tell_one_from_several()
    {
        await _db.Readings.Where(r => r.DeviceId == "d1").SingleOrDefaultAsync();

        Assert.Equal(2, Assert.IsType<QueryRequest>(Assert.Single(Client.Requests)).Limit);
    }

    [Fact]
    public async Task First_with_a_filter_sets_no_Limit_because_DynamoDB_counts_items_before_filtering()
    {
        await _db.Readings.Where(r => r.DeviceId == "d1" && r.Value > 1).FirstOrDefaultAsync();

        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Null(request.Limit);
        Assert.Equal("#n1 > :v1", request.FilterExpression);
    }

    [Fact]
    public async Task First_on_a_whole_key_is_a_GetItem()
    {
        await _db.Products.FirstOrDefaultAsync(p => p.Id == 1);

        Assert.IsType<GetItemRequest>(Assert.Single(Client.Requests));
    }

    [Fact]
    public async Task Last_in_sort_key_order_reads_one_item_backward()
    {
        Client.Respond = _ => [ReadingItem(9)];

        var last = await _db.Readings.Where(r => r.DeviceId == "d1").OrderBy(r => r.Timestamp).LastAsync();

        Assert.Equal(9, last.Timestamp);
        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.False(request.ScanIndexForward);
        Assert.Equal(1, request.Limit);
    }

    [Fact]
    public async Task Last_without_an_ordering_says_it_needs_one()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Readings.Where(r => r.DeviceId == "d1").LastAsync());

        Assert.Contains("could not be translated", exception.Message);
        Assert.Contains(DynamoDbStrings.LastNeedsOrdering("Last"), exception.Message);
        Assert.Empty(Client.Requests);
    }

    [Fact]
    public async Task LastOrDefault_without_an_ordering_says_it_needs_one()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Readings.LastOrDefaultAsync(r => r.DeviceId == "d1"));

        Assert.Contains(DynamoDbStrings.LastNeedsOrdering("LastOrDefault"), exception.Message);
        Assert.Empty(Client.Requests);
    }

    [Fact]
    public async Task Last_after_Take_is_the_last_of_the_taken_items()
    {
        Client.Respond = _ => [ReadingItem(1), ReadingItem(2), ReadingItem(3)];

        var last = await _db.Readings.Where(r => r.DeviceId == "d1").OrderBy(r => r.Timestamp).Take(3).LastAsync();

        Assert.Equal(3, last.Timestamp);
        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Equal(3, request.Limit);
    }

    [Fact]
    public async Task Min_of_the_sort_key_of_a_Query_reads_one_item_forward()
    {
        Client.Respond = _ => [ReadingItem(4)];

        Assert.Equal(4, await _db.Readings.Where(r => r.DeviceId == "d1").MinAsync(r => r.Timestamp));

        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Equal(1, request.Limit);
        Assert.Null(request.ScanIndexForward);
        Assert.Equal("#n1", request.ProjectionExpression);
        Assert.Equal("Timestamp", request.ExpressionAttributeNames["#n1"]);
    }

    [Fact]
    public async Task Max_of_the_sort_key_of_a_Query_reads_one_item_backward()
    {
        Client.Respond = _ => [ReadingItem(8)];

        Assert.Equal(8, await _db.Readings.Where(r => r.DeviceId == "d1").MaxAsync(r => r.Timestamp));

        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Equal(1, request.Limit);
        Assert.False(request.ScanIndexForward);
        Assert.Equal("#n1", request.ProjectionExpression);
    }

    [Fact]
    public async Task Max_of_the_sort_key_within_a_sort_key_range_keeps_the_key_condition()
    {
        Client.Respond = _ => [ReadingItem(8)];

        await _db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp < 10).MaxAsync(r => r.Timestamp);

        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Equal("#n0 = :v0 AND #n1 < :v1", request.KeyConditionExpression);
        Assert.Equal(1, request.Limit);
        Assert.False(request.ScanIndexForward);
    }

    [Fact]
    public async Task Max_of_the_sort_key_with_a_filter_reads_backward_without_a_Limit()
    {
        Client.Respond = _ => [ReadingItem(8), ReadingItem(7)];

        Assert.Equal(8, await _db.Readings.Where(r => r.DeviceId == "d1" && r.Value > 1).MaxAsync(r => r.Timestamp));

        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.False(request.ScanIndexForward);
        Assert.Null(request.Limit);
    }

    [Fact]
    public async Task Max_of_another_attribute_reads_that_attribute_of_every_item()
    {
        Client.Respond = _ => [ReadingItem(1), ReadingItem(2)];

        Assert.Equal(1.5, await _db.Readings.Where(r => r.DeviceId == "d1").MaxAsync(r => r.Value));

        var request = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Null(request.Limit);
        Assert.Null(request.ScanIndexForward);
        Assert.Equal("#n1", request.ProjectionExpression);
        Assert.Equal("Value", request.ExpressionAttributeNames["#n1"]);
    }

    [Fact]
    public async Task Max_of_the_sort_key_of_a_global_index_Query_reads_one_item_backward_on_the_index()
    {
        await using var db = TestContexts.Scenario(
            b => b.Entity<Order>(o =>
            {
                o.HasKey(x => new { x.CustomerId, x.OrderId });
                o.Ignore(x => x.Customer);
                o.HasGlobalSecondaryIndex("ByStatus", x => x.Status, x => x.PlacedAt);
            }),
            configure: RecordingClientWrapper.Use);
        var client = RecordingClientWrapper.Of(db);
        client.Respond = _ => [new() { ["PlacedAt"] = new AttributeValue { S = "2024-01-02T00:00:00.0000000Z" } }];

        await db.Set<Order>().Where(o => o.Status == OrderStatus.Shipped).MaxAsync(o => o.PlacedAt);

        var request = Assert.IsType<QueryRequest>(Assert.Single(client.Requests));
        Assert.Equal("ByStatus", request.IndexName);
        Assert.Equal(1, request.Limit);
        Assert.False(request.ScanIndexForward);
    }

    [Fact]
    public async Task Take_of_zero_sends_no_request()
    {
        Assert.Empty(await _db.Readings.Where(r => r.DeviceId == "d1").Take(0).ToListAsync());
        Assert.Empty(await _db.Readings.Take(0).ToListAsync());
        Assert.Empty(await _db.Products.Where(p => p.Id == 1).Take(0).ToListAsync());
        Assert.Empty(await _db.Products.Where(p => new[] { 1, 2 }.Contains(p.Id)).Take(0).ToListAsync());

        Assert.Empty(Client.Requests);
    }

    [Fact]
    public async Task Count_after_Take_of_zero_sends_no_request()
    {
        Assert.Equal(0, await _db.Readings.Where(r => r.DeviceId == "d1").Take(0).CountAsync());

        Assert.Empty(Client.Requests);
    }

    [Fact]
    public async Task A_captured_Take_count_of_zero_sends_no_request_and_another_count_sends_one()
    {
        Assert.Empty(await TakeReadings(0).ToListAsync());
        Assert.Empty(Client.Requests);

        await TakeReadings(4).ToListAsync();
        Assert.Equal(4, Assert.IsType<QueryRequest>(Assert.Single(Client.Requests)).Limit);

        IQueryable<Reading> TakeReadings(int count) => _db.Readings.Where(r => r.DeviceId == "d1").Take(count);
    }

    [Fact]
    public async Task A_BatchGetItem_sends_one_request_per_100_keys_with_consistent_read()
    {
        var ids = Enumerable.Range(1, 201).ToList();

        await _db.Products.Where(p => ids.Contains(p.Id)).WithConsistentRead().ToListAsync();

        var requests = Client.Requests.Cast<BatchGetItemRequest>().ToList();
        Assert.Equal([100, 100, 1], requests.Select(r => r.RequestItems["Products"].Keys.Count));
        Assert.All(requests, r => Assert.True(r.RequestItems["Products"].ConsistentRead));
    }
}
