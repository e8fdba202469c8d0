using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The UpdateItem and DeleteItem requests of <c>ExecuteUpdateAsync</c>/<c>ExecuteDeleteAsync</c> under failures,
/// against <see cref="ScriptedClientWrapper" />: a transient failure sends that one write again, a failed condition
/// leaves the item uncounted, and any other failure stops the operation with a <see cref="DbUpdateException" /> that
/// says how many items were already changed.
/// </summary>
public sealed class DynamoDbBulkWriteResilienceTests
{
    private const string InvalidParameter = "One or more parameter values were invalid";

    // One write at a time, so that "the third write fails" means two items were changed before it.
    private static ShopContext Shop(int maxRetryCount = 3)
        => TestContexts.Shop(
            o => o.MaxConcurrentWrites(1).ExecutionStrategy(d => new TestExecutionStrategy(d, maxRetryCount, TimeSpan.Zero)),
            ScriptedClientWrapper.Use);

    // The Query of the device "d1" finds readings 1 to count.
    private static ScriptedClientWrapper ClientWithReadings(ShopContext db, int count)
    {
        var client = ScriptedClientWrapper.Of(db);
        var items = Enumerable.Range(1, count)
            .Select(i => new Dictionary<string, AttributeValue>
            {
                ["DeviceId"] = new() { S = "d1" },
                ["Timestamp"] = new() { N = i.ToString(CultureInfo.InvariantCulture) },
            })
            .ToList();
        client.RespondToQuery = _ => new QueryResponse { Items = items, Count = items.Count };
        return client;
    }

    private static Task<int> UpdateDevice(ShopContext db)
        => db.Readings.Where(r => r.DeviceId == "d1").ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, 2.5));

    private static Task<int> DeleteOneReading(ShopContext db)
        => db.Readings.Where(r => r.DeviceId == "d1" && r.Timestamp == 1).ExecuteDeleteAsync();

    [Fact]
    public async Task ExecuteUpdate_sends_a_throttled_UpdateItem_again_and_counts_its_item_once()
    {
        await using var db = Shop();
        var client = ClientWithReadings(db, 3);
        client.Fail("UpdateItem", 2, () => new ProvisionedThroughputExceededException("Throttled"), skip: 1);

        Assert.Equal(3, await UpdateDevice(db));

        Assert.Equal(5, client.AttemptsOf("UpdateItem"));
        Assert.Equal(1, client.AttemptsOf("Query"));
    }

    [Fact]
    public async Task ExecuteDelete_by_key_sends_a_DeleteItem_that_met_a_server_error_again()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("DeleteItem", 1, () => new InternalServerErrorException("Internal server error"));

        Assert.Equal(1, await DeleteOneReading(db));

        Assert.Equal(2, client.AttemptsOf("DeleteItem"));
    }

    [Fact]
    public async Task A_write_whose_condition_failed_is_neither_sent_again_nor_counted()
    {
        await using var db = Shop();
        var client = ClientWithReadings(db, 3);
        client.Fail("UpdateItem", 1, () => new ConditionalCheckFailedException("The conditional request failed"), skip: 1);

        Assert.Equal(2, await UpdateDevice(db));

        Assert.Equal(3, client.AttemptsOf("UpdateItem"));
    }

    [Fact]
    public async Task A_write_refused_for_another_reason_stops_ExecuteUpdate_with_a_DbUpdateException_that_counts_the_items_changed()
    {
        await using var db = Shop();
        var client = ClientWithReadings(db, 4);
        client.Fail("UpdateItem", 1, () => new AmazonDynamoDBException(InvalidParameter), skip: 2);

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => UpdateDevice(db));

        Assert.Equal(DynamoDbStrings.BulkWriteFailed("ExecuteUpdateAsync", nameof(Reading), "UpdateItem", 2, InvalidParameter), exception.Message);
        Assert.IsType<AmazonDynamoDBException>(exception.InnerException);
        Assert.Equal(3, client.AttemptsOf("UpdateItem"));
    }

    [Fact]
    public async Task A_write_still_throttled_after_the_retries_stops_ExecuteDelete_with_a_DbUpdateException()
    {
        await using var db = Shop(maxRetryCount: 2);
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("DeleteItem", 10, () => new ThrottlingException("Throttled"));

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => DeleteOneReading(db));

        var retryLimit = Assert.IsType<RetryLimitExceededException>(exception.InnerException);
        Assert.IsType<ThrottlingException>(retryLimit.InnerException);
        Assert.Equal(DynamoDbStrings.BulkWriteFailed("ExecuteDeleteAsync", nameof(Reading), "DeleteItem", 0, retryLimit.Message), exception.Message);
        Assert.Equal(3, client.AttemptsOf("DeleteItem"));
    }
}
