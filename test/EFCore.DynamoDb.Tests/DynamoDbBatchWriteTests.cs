using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// BatchPutAsync and BatchDeleteAsync without a server: the BatchWriteItem requests they make (recorded, not sent),
/// the retries of unprocessed writes, the bound on requests in flight, and every refusal before sending.
/// </summary>
public sealed class DynamoDbBatchWriteTests
{
    private static ShopContext Shop(Action<DynamoDbDbContextOptionsBuilder>? dynamoDb = null, bool immediateRetries = false, bool sensitiveDataLogging = true)
        => TestContexts.Shop(
            dynamoDb,
            o =>
            {
                RecordingClientWrapper.Use(o);
                if (immediateRetries)
                {
                    ImmediateRetryBatchWriter.Use(o);
                }
            },
            sensitiveDataLogging);

    private static List<BatchWriteItemRequest> BatchWrites(DbContext db)
        => RecordingClientWrapper.Of(db).Requests.OfType<BatchWriteItemRequest>().ToList();

    private static IEnumerable<Customer> Customers(int count) => Enumerable.Range(1, count).Select(i => new Customer { Id = "c" + i, Name = "n" + i });

    private static Order NewOrder(string orderId = "o1")
        => new()
        {
            CustomerId = "c1",
            OrderId = orderId,
            Total = 12.5m,
            Status = OrderStatus.Shipped,
            Quantity = 3,
            IsGift = true,
            PlacedAt = new DateTime(2024, 5, 1, 10, 30, 0, DateTimeKind.Utc),
        };

    [Fact]
    public async Task BatchPutAsync_sends_at_most_25_writes_a_request()
    {
        await using var db = Shop();

        await db.Customers.BatchPutAsync(Customers(60));

        var requests = BatchWrites(db);
        Assert.Equal([25, 25, 10], requests.Select(r => r.RequestItems["Customers"].Count).Order().Reverse());
        Assert.All(requests.SelectMany(r => r.RequestItems["Customers"]), w => Assert.Null(w.DeleteRequest));
        Assert.Equal(
            Enumerable.Range(1, 60).Select(i => "c" + i).Order(),
            requests.SelectMany(r => r.RequestItems["Customers"]).Select(w => w.PutRequest.Item["Id"].S).Order());
    }

    [Fact]
    public async Task BatchPutAsync_puts_the_item_that_SaveChanges_puts_for_an_added_entity()
    {
        await using var db = Shop();
        var added = NewOrder();
        db.Orders.Add(added);
        var saveItem = WriteCommands.Of(db, added)!.KeyOrItem;
        db.ChangeTracker.Clear();

        await db.Orders.BatchPutAsync([NewOrder()]);

        var batchItem = BatchWrites(db).Single().RequestItems["Orders"].Single().PutRequest.Item;
        Assert.Equal(AttributeValueText.Of(saveItem), AttributeValueText.Of(batchItem));
    }

    [Fact]
    public async Task BatchPutAsync_leaves_the_entities_untracked()
    {
        await using var db = Shop();
        var customers = Customers(3).ToList();

        await db.Customers.BatchPutAsync(customers);

        Assert.Empty(db.ChangeTracker.Entries());
        var stateManager = db.GetService<IStateManager>();
        Assert.All(customers, c => Assert.Null(stateManager.TryGetEntry(c, throwOnNonUniqueness: false)));
    }

    [Fact]
    public async Task BatchDeleteAsync_with_object_arrays_sends_each_key_as_a_DeleteRequest()
    {
        await using var db = Shop();

        await db.Orders.BatchDeleteAsync([new object[] { "c1", "o1" }, new object[] { "c1", "o2" }]);

        var writes = BatchWrites(db).Single().RequestItems["Orders"];
        Assert.All(writes, w => Assert.Null(w.PutRequest));
        Assert.Equal(["c1/o1", "c1/o2"], writes.Select(w => w.DeleteRequest.Key["CustomerId"].S + "/" + w.DeleteRequest.Key["OrderId"].S));
        Assert.All(writes, w => Assert.Equal(2, w.DeleteRequest.Key.Count));
    }

    [Fact]
    public async Task BatchDeleteAsync_with_partition_key_values_deletes_by_partition_key()
    {
        await using var db = Shop();

        await db.Products.BatchDeleteAsync([1, 2, 3]);

        Assert.Equal(["1", "2", "3"], BatchWrites(db).Single().RequestItems["Products"].Select(w => w.DeleteRequest.Key["Id"].N));
    }

    [Fact]
    public async Task BatchDeleteAsync_with_entities_sends_only_their_keys()
    {
        await using var db = Shop();

        await db.Orders.BatchDeleteAsync([NewOrder("o1"), NewOrder("o2")]);

        var keys = BatchWrites(db).Single().RequestItems["Orders"].Select(w => w.DeleteRequest.Key).ToList();
        Assert.Equal(new Dictionary<string, string> { ["CustomerId"] = "S:c1", ["OrderId"] = "S:o1" }, AttributeValueText.Of(keys[0]));
        Assert.Equal(new Dictionary<string, string> { ["CustomerId"] = "S:c1", ["OrderId"] = "S:o2" }, AttributeValueText.Of(keys[1]));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Unprocessed_writes_are_sent_again_until_DynamoDB_makes_them()
    {
        await using var db = Shop();
        var wrapper = RecordingClientWrapper.Of(db);
        var calls = 0;
        wrapper.UnprocessedItems = request => Interlocked.Increment(ref calls) <= 2
            ? new Dictionary<string, List<WriteRequest>> { ["Customers"] = request.RequestItems["Customers"].Take(3).ToList() }
            : null;

        await db.Customers.BatchPutAsync(Customers(10));

        Assert.Equal([10, 3, 3], BatchWrites(db).Select(r => r.RequestItems["Customers"].Count));
        Assert.Equal(["c1", "c2", "c3"], BatchWrites(db)[2].RequestItems["Customers"].Select(w => w.PutRequest.Item["Id"].S));
    }

    [Fact]
    public async Task A_throttled_batch_is_sent_again_and_each_retry_is_logged_as_ExecutionStrategyRetrying()
    {
        var retries = new ConcurrentQueue<string>();
        await using var db = TestContexts.Shop(
            configure: o =>
            {
                RecordingClientWrapper.Use(o);
                ImmediateRetryBatchWriter.Use(o);
                o.LogTo(retries.Enqueue, [CoreEventId.ExecutionStrategyRetrying]);
            });
        var calls = 0;
        RecordingClientWrapper.Of(db).BatchWriteFails = _ => Interlocked.Increment(ref calls) <= 2 ? new ProvisionedThroughputExceededException("Throttled") : null;

        await db.Customers.BatchPutAsync(Customers(3));

        Assert.Equal(3, BatchWrites(db).Count);
        Assert.Equal(2, retries.Count);
        Assert.All(retries, m => Assert.Contains("Throttled", m));
    }

    [Fact]
    public async Task Writes_still_unprocessed_after_the_last_attempt_are_reported_with_what_was_not_written()
    {
        await using var db = Shop(immediateRetries: true);
        RecordingClientWrapper.Of(db).UnprocessedItems = request => new Dictionary<string, List<WriteRequest>>
        {
            ["Customers"] = request.RequestItems["Customers"].Where(w => w.PutRequest.Item["Id"].S is "c2" or "c30").ToList(),
        };
        var customers = Customers(30).ToList();

        var exception = await Assert.ThrowsAsync<DynamoDbBatchWriteException>(() => db.Customers.BatchPutAsync(customers));

        Assert.Equal(DynamoDbStrings.BatchWriteUnprocessed("BatchPutAsync", "Customer", 2, 30, DynamoDbBatchWriter.MaxAttempts), exception.Message);
        Assert.Equal([customers[1], customers[29]], exception.UnprocessedItems.OrderBy(c => ((Customer)c).Name.Length).ThenBy(c => ((Customer)c).Name));
        Assert.IsAssignableFrom<DbUpdateException>(exception);
        Assert.Equal(2 * DynamoDbBatchWriter.MaxAttempts, BatchWrites(db).Count);
    }

    [Fact]
    public async Task Unprocessed_keys_are_reported_as_they_were_passed()
    {
        await using var db = Shop(immediateRetries: true);
        RecordingClientWrapper.Of(db).UnprocessedItems = request => request.RequestItems;

        var exception = await Assert.ThrowsAsync<DynamoDbBatchWriteException>(() => db.Products.BatchDeleteAsync([7, 8]));

        Assert.Equal([7, 8], exception.UnprocessedItems.Cast<int>().Order());
    }

    [Fact]
    public async Task Requests_in_flight_never_exceed_MaxConcurrentWrites()
    {
        await using var db = Shop(d => d.MaxConcurrentWrites(2));
        var wrapper = RecordingClientWrapper.Of(db);
        wrapper.BatchWriteLatency = TimeSpan.FromMilliseconds(30);

        await db.Customers.BatchPutAsync(Customers(200));

        Assert.Equal(8, BatchWrites(db).Count);
        Assert.Equal(2, wrapper.MaxBatchWritesInFlight);
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_retries_while_waiting_to_retry()
    {
        await using var db = Shop();
        RecordingClientWrapper.Of(db).UnprocessedItems = request => request.RequestItems;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Customers.BatchPutAsync(Customers(5), cancellation.Token));

        // Fewer requests than the attempts allowed: the backoff was cut short, not waited out. (No wall-clock bound:
        // on a loaded machine that measures the machine, not the writer.)
        Assert.InRange(BatchWrites(db).Count, 1, DynamoDbBatchWriter.MaxAttempts - 1);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var db = Shop();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Customers.BatchPutAsync(Customers(5), new CancellationToken(canceled: true)));

        Assert.Empty(BatchWrites(db));
    }

    [Fact]
    public async Task Two_entities_with_the_same_key_are_refused_with_the_key_and_nothing_is_sent()
    {
        await using var db = Shop();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Orders.BatchPutAsync([NewOrder(), NewOrder("o2"), NewOrder()]));

        Assert.Equal(DynamoDbStrings.BatchDuplicateKeySensitive("BatchPutAsync", "Order", "{CustomerId: c1, OrderId: o1}"), exception.Message);
        Assert.Empty(BatchWrites(db));
    }

    [Fact]
    public async Task Two_keys_that_are_the_same_are_refused_without_their_values_unless_sensitive_data_logging_is_on()
    {
        await using var db = Shop(sensitiveDataLogging: false);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Customers.BatchDeleteAsync(["c1", "c1"]));

        Assert.Equal(DynamoDbStrings.BatchDuplicateKey("BatchDeleteAsync", "Customer", "Id"), exception.Message);
        Assert.Empty(BatchWrites(db));
    }

    [Fact]
    public async Task A_null_key_is_refused()
    {
        await using var db = Shop();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Customers.BatchPutAsync([new Customer { Id = null!, Name = "x" }]));

        Assert.Equal(DynamoDbStrings.BatchMissingKeyValue("BatchPutAsync", "Customer", "Id"), exception.Message);
        Assert.Empty(BatchWrites(db));
    }

    [Fact]
    public async Task An_empty_key_value_is_refused()
    {
        await using var db = Shop();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Orders.BatchDeleteAsync([new object[] { "c1", "" }]));

        Assert.Equal(DynamoDbStrings.BatchMissingKeyValue("BatchDeleteAsync", "Order", "OrderId"), exception.Message);
    }

    [Fact]
    public async Task An_empty_key_of_an_entity_to_put_is_refused()
    {
        await using var db = Shop();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Customers.BatchPutAsync([new Customer { Id = "", Name = "x" }]));

        Assert.Equal(DynamoDbStrings.EmptyKeyValue("Customer", "Id"), exception.Message);
    }

    [Fact]
    public async Task A_key_with_the_wrong_number_of_values_is_refused()
    {
        await using var db = Shop();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Orders.BatchDeleteAsync([new object[] { "c1" }]));

        Assert.Equal(DynamoDbStrings.BatchKeyValueCount("BatchDeleteAsync", "Order", 1, "CustomerId, OrderId", 2), exception.Message);
    }

    [Fact]
    public async Task Single_key_values_are_refused_for_a_partition_and_sort_key()
    {
        await using var db = Shop();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Orders.BatchDeleteAsync(["c1"]));

        Assert.Equal(DynamoDbStrings.BatchKeyValueCount("BatchDeleteAsync", "Order", 1, "CustomerId, OrderId", 2), exception.Message);
    }

    [Fact]
    public async Task A_key_value_of_another_type_than_its_property_is_refused()
    {
        await using var db = Shop();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Products.BatchDeleteAsync([new object[] { "1" }]));

        Assert.Equal(DynamoDbStrings.BatchKeyValueType("BatchDeleteAsync", "Product", "Id", "string", "int"), exception.Message);
    }

    [Fact]
    public async Task A_null_entity_is_refused()
    {
        await using var db = Shop();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Customers.BatchPutAsync([new Customer { Id = "c1" }, null!]));

        Assert.Equal(DynamoDbStrings.BatchNullElement("BatchPutAsync", "Customer"), exception.Message);
        Assert.Empty(BatchWrites(db));
    }

    [Fact]
    public async Task An_entity_whose_entity_type_is_not_derived_from_the_DbSet_type_is_refused()
    {
        await using var db = Vehicles();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Set<Vehicle>().BatchPutAsync([new Boat { Id = "b1" }]));

        Assert.Equal(DynamoDbStrings.BatchWrongEntityType("BatchPutAsync", "Vehicle", "Boat"), exception.Message);
    }

    [Fact]
    public async Task Derived_entities_are_put_through_their_base_type_with_their_discriminator()
    {
        await using var db = Vehicles();

        await db.Set<Vehicle>().BatchPutAsync([new Car { Id = "c1", Seats = 4 }, new Vehicle { Id = "v1" }]);

        var items = BatchWrites(db).Single().RequestItems.Single().Value.Select(w => w.PutRequest.Item).ToList();
        Assert.Equal(["Car", "Vehicle"], items.Select(i => i["$type"].S));
        Assert.Equal("4", items[0]["Seats"].N);
    }

    [Fact]
    public async Task The_DbSet_of_an_owned_type_is_refused()
    {
        await using var db = Vehicles();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Set<Engine>().BatchPutAsync([new Engine()]));

        Assert.Equal(DynamoDbStrings.BatchOwnedEntityType("BatchPutAsync", "Engine", "Car"), exception.Message);
    }

    private static ScenarioContext Vehicles()
        => TestContexts.Scenario(
            b =>
            {
                b.Entity<Vehicle>();
                b.Entity<Car>().OwnsOne(c => c.Engine);

                // A CLR subclass mapped as an entity type of its own, outside Vehicle's hierarchy.
                b.Entity<Boat>().HasBaseType((Type?)null);
            },
            configure: RecordingClientWrapper.Use,
            scenario: nameof(DynamoDbBatchWriteTests) + ".Vehicles");

    public class Vehicle
    {
        public string Id { get; set; } = "";
    }

    public class Car : Vehicle
    {
        public int Seats { get; set; }

        public Engine? Engine { get; set; }
    }

    public class Boat : Vehicle;

    public class Engine
    {
        public int Power { get; set; }
    }
}
