using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The keys a BatchGetItem leaves unprocessed are asked for again, only those, and at most
/// <see cref="BatchGetQueryingEnumerable{T}.MaxAttempts" /> times: a table throttled for good ends the query with an
/// error that says how many keys were not read, instead of retrying forever.
/// </summary>
public sealed class DynamoDbBatchGetRetryTests
{
    private static ShopContext Shop()
        => TestContexts.Shop(configure: o =>
        {
            ScriptedClientWrapper.Use(o);
            ImmediateRetryRetrier.Use(o);
        });

    private static Dictionary<string, AttributeValue> Customer(string id) => new() { ["Id"] = new() { S = id }, ["Name"] = new() { S = "N" + id } };

    [Fact]
    public async Task Unprocessed_keys_are_asked_for_again_alone_until_answered()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        var table = "";
        client.RespondToBatchGetItem = request =>
        {
            table = request.RequestItems.Keys.Single();
            var keys = request.RequestItems[table].Keys;
            return new BatchGetItemResponse
            {
                Responses = new() { [table] = [Customer(keys[0]["Id"].S)] },
                UnprocessedKeys = keys.Count > 1 ? new() { [table] = new KeysAndAttributes { Keys = keys.Skip(1).ToList() } } : [],
            };
        };
        var ids = new[] { "c1", "c2", "c3" };

        var customers = await db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync();

        Assert.Equal(ids, customers.Select(c => c.Id).Order());
        Assert.Equal([3, 2, 1], client.Requests.Cast<BatchGetItemRequest>().Select(r => r.RequestItems[table].Keys.Count));
    }

    [Fact]
    public async Task Keys_still_unprocessed_after_the_last_attempt_fail_the_query_with_how_many_were_not_read()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        client.RespondToBatchGetItem = request => new BatchGetItemResponse
        {
            Responses = new() { [request.RequestItems.Keys.Single()] = [] },
            UnprocessedKeys = request.RequestItems,
        };
        var ids = new[] { "c1", "c2" };

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync());

        Assert.Equal(
            DynamoDbStrings.BatchGetUnprocessed("Customer", client.Requests.Cast<BatchGetItemRequest>().First().RequestItems.Keys.Single(), 2, BatchGetQueryingEnumerable<object>.MaxAttempts),
            exception.Message);
        Assert.Equal(BatchGetQueryingEnumerable<object>.MaxAttempts, client.AttemptsOf("BatchGetItem"));
    }
}
