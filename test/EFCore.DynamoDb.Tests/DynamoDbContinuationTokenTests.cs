using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// <c>ToPageAsync</c>'s continuation tokens (<see cref="ContinuationTokenSerializer" />) and the queries that cannot be
/// paged. Paged queries run against <see cref="RecordingClientWrapper" />: nothing is sent.
/// </summary>
public sealed class DynamoDbContinuationTokenTests : IDisposable
{
    private const string NotAToken = "it is not a token this provider wrote";
    private const string AlteredOrForeign = "it was altered, or belongs to a query on another table or index";

    private readonly ShopContext _db = TestContexts.Shop(configure: RecordingClientWrapper.Use);
    private readonly ScenarioContext _indexed = TestContexts.Scenario(
        b => b.Entity<Order>(o =>
        {
            o.HasKey(x => new { x.CustomerId, x.OrderId });
            o.Ignore(x => x.Customer);
            o.HasGlobalSecondaryIndex("ByStatus", x => x.Status, x => x.PlacedAt);
        }),
        scenario: nameof(DynamoDbContinuationTokenTests));

    public void Dispose()
    {
        _db.Dispose();
        _indexed.Dispose();
    }

    private IEntityType Reading => _db.Model.FindEntityType(typeof(Reading))!;

    private static Dictionary<string, AttributeValue> ReadingItem(string deviceId, long timestamp)
        => new()
        {
            ["DeviceId"] = new AttributeValue { S = deviceId },
            ["Timestamp"] = new AttributeValue { N = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["Value"] = new AttributeValue { N = "2.5" },
        };

    private static string InvalidToken(string reason) => DynamoDbStrings.InvalidContinuationToken(reason);

    private static ArgumentException Rejects(ContinuationTokenSerializer serializer, string token)
    {
        var exception = Assert.Throws<ArgumentException>(() => serializer.Decode(token));
        Assert.Equal("continuationToken", exception.ParamName);
        return exception;
    }

    // A token whose checksum is right for the scope: what a query on an earlier model of the same table wrote.
    private static string TokenOf(string scope, string payloadJson)
    {
        var payload = Encoding.UTF8.GetBytes(payloadJson);
        var checksum = SHA256.HashData([.. Encoding.UTF8.GetBytes(scope), 0, .. payload])[..12];
        return Convert.ToBase64String(checksum) + "." + Convert.ToBase64String(payload);
    }

    [Fact]
    public void A_token_round_trips_the_key_of_the_item_it_continues_after()
    {
        var serializer = new ContinuationTokenSerializer("Readings", null, Reading);

        var key = serializer.Decode(serializer.Encode(ReadingItem("d1", 42)));

        Assert.Equal(new Dictionary<string, string> { ["DeviceId"] = "S:d1", ["Timestamp"] = "N:42" }, AttributeValues.Describe(key));
    }

    [Fact]
    public void A_token_of_an_index_query_round_trips_the_table_and_index_keys()
    {
        var order = _indexed.Model.FindEntityType(typeof(Order))!;
        var serializer = new ContinuationTokenSerializer("Order", order.GetSecondaryIndexes().Single(), order);
        var item = new Dictionary<string, AttributeValue>
        {
            ["CustomerId"] = new() { S = "c1" },
            ["OrderId"] = new() { S = "o1" },
            ["Status"] = new() { N = "1" },
            ["PlacedAt"] = new() { S = "2024-01-02T00:00:00.0000000Z" },
            ["Note"] = new() { S = "not part of the key" },
        };

        var key = serializer.Decode(serializer.Encode(item));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CustomerId"] = "S:c1", ["OrderId"] = "S:o1", ["Status"] = "N:1", ["PlacedAt"] = "S:2024-01-02T00:00:00.0000000Z",
            },
            AttributeValues.Describe(key));
    }

    [Fact]
    public void A_token_is_opaque()
    {
        var token = new ContinuationTokenSerializer("Readings", null, Reading).Encode(ReadingItem("device-7", 42));

        Assert.DoesNotContain("device-7", token);
    }

    [Fact]
    public void A_token_of_another_table_is_rejected()
    {
        var token = new ContinuationTokenSerializer("Readings", null, Reading).Encode(ReadingItem("d1", 1));

        Assert.Equal(InvalidToken(AlteredOrForeign) + " (Parameter 'continuationToken')", Rejects(new ContinuationTokenSerializer("OtherReadings", null, Reading), token).Message);
    }

    [Fact]
    public void A_token_of_the_table_is_rejected_by_a_query_on_one_of_its_indexes()
    {
        var order = _indexed.Model.FindEntityType(typeof(Order))!;
        var item = new Dictionary<string, AttributeValue>
        {
            ["CustomerId"] = new() { S = "c1" },
            ["OrderId"] = new() { S = "o1" },
            ["Status"] = new() { N = "1" },
            ["PlacedAt"] = new() { S = "2024-01-02T00:00:00.0000000Z" },
        };
        var tableToken = new ContinuationTokenSerializer("Order", null, order).Encode(item);
        var indexToken = new ContinuationTokenSerializer("Order", order.GetSecondaryIndexes().Single(), order).Encode(item);

        Assert.StartsWith(InvalidToken(AlteredOrForeign), Rejects(new ContinuationTokenSerializer("Order", order.GetSecondaryIndexes().Single(), order), tableToken).Message);
        Assert.StartsWith(InvalidToken(AlteredOrForeign), Rejects(new ContinuationTokenSerializer("Order", null, order), indexToken).Message);
    }

    [Fact]
    public void A_token_with_a_tampered_payload_is_rejected()
    {
        var serializer = new ContinuationTokenSerializer("Readings", null, Reading);
        var token = serializer.Encode(ReadingItem("d1", 1));
        var checksum = token[..token.IndexOf('.', StringComparison.Ordinal)];
        var tampered = checksum + "." + Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"DeviceId":{"S":"d2"},"Timestamp":{"N":"1"}}"""));

        Assert.StartsWith(InvalidToken(AlteredOrForeign), Rejects(serializer, tampered).Message);
    }

    [Fact]
    public void A_token_with_a_tampered_checksum_is_rejected()
    {
        var serializer = new ContinuationTokenSerializer("Readings", null, Reading);
        var token = serializer.Encode(ReadingItem("d1", 1));
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];

        Assert.StartsWith(InvalidToken(AlteredOrForeign), Rejects(serializer, tampered).Message);
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("not a token")]
    [InlineData("abc.%%%")]
    public void A_garbage_token_is_rejected(string token)
        => Assert.StartsWith(InvalidToken(NotAToken), Rejects(new ContinuationTokenSerializer("Readings", null, Reading), token).Message);

    [Theory]
    [InlineData("")]
    [InlineData("abcd")]
    [InlineData(".")]
    public void A_token_without_a_checksum_is_rejected(string token)
        => Assert.StartsWith(InvalidToken(AlteredOrForeign), Rejects(new ContinuationTokenSerializer("Readings", null, Reading), token).Message);

    [Fact]
    public void A_token_that_lacks_a_key_attribute_is_rejected()
    {
        var product = _db.Model.FindEntityType(typeof(Product))!;
        var productToken = new ContinuationTokenSerializer("Shared", null, product).Encode(new() { ["Id"] = new AttributeValue { N = "1" } });

        Assert.StartsWith(
            InvalidToken("it lacks the key attribute 'DeviceId'"),
            Rejects(new ContinuationTokenSerializer("Shared", null, Reading), productToken).Message);
    }

    [Fact]
    public void A_token_that_lacks_the_sort_key_attribute_is_rejected()
        => Assert.StartsWith(
            InvalidToken("it lacks the key attribute 'Timestamp'"),
            Rejects(new ContinuationTokenSerializer("Readings", null, Reading), TokenOf("Readings", """{"DeviceId":{"S":"d1"}}""")).Message);

    [Fact]
    public void A_token_whose_key_attribute_has_another_type_is_rejected()
    {
        var customer = _db.Model.FindEntityType(typeof(Customer))!;
        var product = _db.Model.FindEntityType(typeof(Product))!;
        var customerToken = new ContinuationTokenSerializer("Shared", null, customer).Encode(new() { ["Id"] = new AttributeValue { S = "c1" } });

        Assert.StartsWith(
            InvalidToken("its key attribute 'Id' is not of type N"),
            Rejects(new ContinuationTokenSerializer("Shared", null, product), customerToken).Message);
    }

    [Fact]
    public async Task A_full_page_returns_a_token_that_continues_after_its_last_item()
    {
        var client = RecordingClientWrapper.Of(_db);
        client.Respond = _ => [ReadingItem("d1", 1), ReadingItem("d1", 2)];

        var first = await _db.Readings.Where(r => r.DeviceId == "d1").ToPageAsync(2, null);
        client.Respond = _ => [];
        var second = await _db.Readings.Where(r => r.DeviceId == "d1").ToPageAsync(2, first.ContinuationToken);

        Assert.Equal([1L, 2L], first.Values.Select(r => r.Timestamp));
        Assert.NotNull(first.ContinuationToken);
        Assert.Empty(second.Values);
        Assert.Null(second.ContinuationToken);
        var requests = client.Requests.Cast<QueryRequest>().ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(2, r.Limit));
        Assert.Equal(new Dictionary<string, string> { ["DeviceId"] = "S:d1", ["Timestamp"] = "N:2" }, AttributeValues.Describe(requests[1].ExclusiveStartKey));
    }

    [Fact]
    public async Task A_page_that_is_not_full_returns_no_token()
    {
        RecordingClientWrapper.Of(_db).Respond = _ => [ReadingItem("d1", 1)];

        var page = await _db.Readings.Where(r => r.DeviceId == "d1").ToPageAsync(2, null);

        Assert.Single(page.Values);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task A_page_of_a_projection_reads_the_key_attributes_for_its_token()
    {
        var client = RecordingClientWrapper.Of(_db);
        client.Respond = _ => [ReadingItem("d1", 1)];

        var page = await _db.Readings.Where(r => r.DeviceId == "d1").Select(r => r.Value).ToPageAsync(1, null);

        Assert.NotNull(page.ContinuationToken);
        var request = Assert.IsType<QueryRequest>(Assert.Single(client.Requests));
        Assert.Equal(["Value", "DeviceId", "Timestamp"], request.ProjectionExpression.Split(", ").Select(n => request.ExpressionAttributeNames[n]));
    }

    [Fact]
    public async Task A_token_of_another_query_is_rejected_before_anything_is_sent()
    {
        var client = RecordingClientWrapper.Of(_db);
        var ordersToken = new ContinuationTokenSerializer("Orders", null, _db.Model.FindEntityType(typeof(Order))!)
            .Encode(new() { ["CustomerId"] = new AttributeValue { S = "c1" }, ["OrderId"] = new AttributeValue { S = "o1" } });

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _db.Readings.Where(r => r.DeviceId == "d1").ToPageAsync(5, ordersToken));

        Assert.Equal("continuationToken", exception.ParamName);
        Assert.StartsWith(InvalidToken(AlteredOrForeign), exception.Message);
        Assert.Empty(client.Requests);
    }

    [Fact]
    public async Task Paging_a_query_ordered_on_the_client_is_an_error()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _db.Readings.Where(r => r.DeviceId == "d1").OrderBy(r => r.Value).ToPageAsync(5, null));

        Assert.Equal(DynamoDbStrings.PageNeedsDynamoDbOrder, exception.Message);
        Assert.Empty(RecordingClientWrapper.Of(_db).Requests);
    }

    [Fact]
    public async Task Paging_a_query_ordered_by_the_sort_key_is_allowed()
    {
        await _db.Readings.Where(r => r.DeviceId == "d1").OrderByDescending(r => r.Timestamp).ToPageAsync(5, null);

        Assert.False(Assert.IsType<QueryRequest>(Assert.Single(RecordingClientWrapper.Of(_db).Requests)).ScanIndexForward);
    }

    [Fact]
    public async Task Paging_a_parallel_scan_is_an_error()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Readings.WithParallelScan(2).ToPageAsync(5, null));

        Assert.Equal(DynamoDbStrings.PageNotSupportedWith("WithParallelScan"), exception.Message);
        Assert.Empty(RecordingClientWrapper.Of(_db).Requests);
    }

    [Fact]
    public async Task Paging_after_Take_is_an_error()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Readings.Where(r => r.DeviceId == "d1").Take(3).ToPageAsync(5, null));

        Assert.Equal(DynamoDbStrings.PageNotSupportedWith("Skip, Take or Distinct"), exception.Message);
    }

    [Fact]
    public async Task Paging_after_Skip_is_an_error()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Readings.Where(r => r.DeviceId == "d1").Skip(3).ToPageAsync(5, null));

        Assert.Equal(DynamoDbStrings.PageNotSupportedWith("Skip, Take or Distinct"), exception.Message);
    }

    [Fact]
    public async Task Paging_distinct_values_is_an_error()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Readings.Select(r => r.Value).Distinct().ToPageAsync(5, null));

        Assert.Equal(DynamoDbStrings.PageNotSupportedWith("Skip, Take or Distinct"), exception.Message);
    }

    [Fact]
    public async Task Paging_a_set_of_keys_is_an_error()
    {
        var ids = new[] { 1, 2 };

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Products.Where(p => ids.Contains(p.Id)).ToPageAsync(5, null));

        Assert.Equal(DynamoDbStrings.PageNotSupportedWith("a set of keys ('Contains' on the key), which reads with BatchGetItem"), exception.Message);
        Assert.Empty(RecordingClientWrapper.Of(_db).Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_page_size_below_one_is_rejected(int pageSize)
    {
        var exception = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _db.Readings.ToPageAsync(pageSize, null));

        Assert.Equal("pageSize", exception.ParamName);
    }
}
