using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// Retries and cancellation through the provider, against <see cref="ScriptedClientWrapper" />: which strategy a
/// context uses, what a save and a query send again after a transient failure, and how a cancelled token stops them.
/// </summary>
public sealed class DynamoDbResilienceTests
{
    private static ShopContext Shop(int maxRetryCount = 3, TimeSpan? delay = null)
        => TestContexts.Shop(
            o => o.ExecutionStrategy(d => new TestExecutionStrategy(d, maxRetryCount, delay ?? TimeSpan.Zero)),
            ScriptedClientWrapper.Use);

    private static Dictionary<string, AttributeValue> ReadingItem(long timestamp)
        => new()
        {
            ["DeviceId"] = new AttributeValue { S = "d1" },
            ["Timestamp"] = new AttributeValue { N = timestamp.ToString(CultureInfo.InvariantCulture) },
            ["Value"] = new AttributeValue { N = "1.5" },
        };

    [Fact]
    public void The_default_execution_strategy_is_DynamoDbExecutionStrategy()
    {
        using var db = TestContexts.Shop();

        var strategy = db.Database.CreateExecutionStrategy();

        Assert.IsType<DynamoDbExecutionStrategy>(strategy);
        Assert.True(strategy.RetriesOnFailure);
        Assert.IsType<DynamoDbExecutionStrategyFactory>(db.GetService<IExecutionStrategyFactory>());
    }

    [Fact]
    public void A_configured_execution_strategy_is_used()
    {
        using var db = TestContexts.Shop(o => o.ExecutionStrategy(d => new DynamoDbExecutionStrategy(d, 10, TimeSpan.FromSeconds(5))));

        var strategy = Assert.IsType<DynamoDbExecutionStrategy>(db.Database.CreateExecutionStrategy());

        Assert.Equal(10, strategy.MaxRetryCount);
        Assert.Equal(TimeSpan.FromSeconds(5), strategy.MaxRetryDelay);
    }

    [Fact]
    public void Contexts_that_differ_only_in_their_execution_strategy_share_one_internal_service_provider()
    {
        var first = new DynamoDbOptionsExtension().WithExecutionStrategyFactory(d => new DynamoDbExecutionStrategy(d, 1));
        var second = new DynamoDbOptionsExtension().WithExecutionStrategyFactory(d => new DynamoDbExecutionStrategy(d, 2));

        Assert.True(first.Info.ShouldUseSameServiceProvider(second.Info));
        Assert.Equal(first.Info.GetServiceProviderHashCode(), second.Info.GetServiceProviderHashCode());
        Assert.NotNull(first.WithRegion("eu-west-1").ExecutionStrategyFactory);
    }

    [Fact]
    public async Task SaveChanges_sends_a_throttled_PutItem_again_until_it_succeeds()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("PutItem", 2, () => new ProvisionedThroughputExceededException("Throttled"));
        db.Add(new Customer { Id = "c1", Name = "Ann" });

        Assert.Equal(1, await db.SaveChangesAsync());

        Assert.Equal(3, client.AttemptsOf("PutItem"));
        Assert.Equal(EntityState.Unchanged, db.ChangeTracker.Entries().Single().State);
    }

    [Fact]
    public async Task SaveChanges_sends_a_transaction_canceled_by_a_conflict_again()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        client.Fail(
            "TransactWriteItems",
            1,
            () => new TransactionCanceledException("Transaction cancelled")
            {
                CancellationReasons = [new CancellationReason { Code = "TransactionConflict" }, new CancellationReason { Code = "None" }],
            });
        db.AddRange(new Customer { Id = "c1", Name = "Ann" }, new Customer { Id = "c2", Name = "Bob" });

        Assert.Equal(2, await db.SaveChangesAsync());

        Assert.Equal(2, client.AttemptsOf("TransactWriteItems"));
    }

    [Fact]
    public async Task SaveChanges_gives_up_after_the_max_retry_count_with_RetryLimitExceededException()
    {
        await using var db = Shop(maxRetryCount: 2);
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("PutItem", 10, () => new InternalServerErrorException("Internal server error"));
        db.Add(new Customer { Id = "c1", Name = "Ann" });

        var exception = await Assert.ThrowsAsync<RetryLimitExceededException>(() => db.SaveChangesAsync());

        Assert.Equal(3, client.AttemptsOf("PutItem"));
        Assert.IsType<InternalServerErrorException>(Assert.IsType<DbUpdateException>(exception.InnerException).InnerException);
        Assert.Contains(nameof(TestExecutionStrategy), exception.Message);
        Assert.Equal(EntityState.Added, db.ChangeTracker.Entries().Single().State);
    }

    [Fact]
    public async Task SaveChanges_does_not_send_a_duplicate_key_again()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("PutItem", 1, () => new ConditionalCheckFailedException("The conditional request failed"));
        db.Add(new Customer { Id = "c1", Name = "Ann" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(1, client.AttemptsOf("PutItem"));
    }

    [Fact]
    public async Task A_token_cancelled_during_a_retry_delay_ends_SaveChanges_promptly()
    {
        await using var db = Shop(delay: TimeSpan.FromMinutes(5));
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("PutItem", 10, () => new ThrottlingException("Throttled"));
        db.Add(new Customer { Id = "c1", Name = "Ann" });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync(cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"SaveChanges ended after {stopwatch.Elapsed}.");
        Assert.Equal(1, client.AttemptsOf("PutItem"));
    }

    [Fact]
    public async Task A_query_page_that_fails_is_read_again_from_the_same_start_key_without_repeating_rows()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        var startKeys = new List<string?>();
        // The first page succeeds; the second fails twice before it is read.
        client.RespondToQuery = r =>
        {
            startKeys.Add(r.ExclusiveStartKey is { } key ? AttributeValues.Describe(key["Timestamp"]) : null);
            return startKeys.Count switch
            {
                1 => new QueryResponse { Items = [ReadingItem(1), ReadingItem(2)], Count = 2, LastEvaluatedKey = ReadingItem(2) },
                2 or 3 => throw new InternalServerErrorException("Internal server error"),
                _ => new QueryResponse { Items = [ReadingItem(3)], Count = 1 },
            };
        };

        var readings = await db.Readings.Where(r => r.DeviceId == "d1").ToListAsync();

        Assert.Equal([1L, 2L, 3L], readings.Select(r => r.Timestamp));
        Assert.Equal([null, "N:2", "N:2", "N:2"], startKeys);
    }

    [Fact]
    public async Task FindAsync_sends_a_throttled_GetItem_again()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("GetItem", 1, () => new ProvisionedThroughputExceededException("Throttled"));
        client.RespondToGetItem = _ => new GetItemResponse
        {
            Item = new Dictionary<string, AttributeValue> { ["Id"] = new() { S = "c1" }, ["Name"] = new() { S = "Ann" } },
        };

        var customer = await db.Customers.FindAsync("c1");

        Assert.Equal("Ann", customer?.Name);
        Assert.Equal(2, client.AttemptsOf("GetItem"));
    }

    [Fact]
    public async Task A_throttled_BatchGetItem_is_sent_again()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("BatchGetItem", 2, () => new RequestLimitExceededException("Throttled"));
        var ids = new[] { "c1", "c2" };

        Assert.Empty(await db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync());

        Assert.Equal(3, client.AttemptsOf("BatchGetItem"));
    }

    [Fact]
    public async Task A_token_cancelled_during_a_retry_delay_ends_a_query_promptly()
    {
        await using var db = Shop(delay: TimeSpan.FromMinutes(5));
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("Query", 10, () => new ThrottlingException("Throttled"));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Readings.Where(r => r.DeviceId == "d1").ToListAsync(cancellation.Token));

        Assert.Equal(1, client.AttemptsOf("Query"));
    }

    [Fact]
    public async Task A_token_cancelled_before_a_query_sends_nothing()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => db.Readings.Where(r => r.DeviceId == "d1").ToListAsync(new CancellationToken(canceled: true)));

        Assert.Empty(client.Attempts);
    }

    [Fact]
    public async Task A_token_cancelled_before_SaveChanges_sends_nothing()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        db.Add(new Customer { Id = "c1", Name = "Ann" });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync(new CancellationToken(canceled: true)));

        Assert.Empty(client.Attempts);
        Assert.Equal(EntityState.Added, db.ChangeTracker.Entries().Single().State);
    }

    [Fact]
    public async Task EnsureCreatedAsync_stops_waiting_for_the_table_when_the_token_is_cancelled()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        client.TableStatus = TableStatus.CREATING;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Database.EnsureCreatedAsync(cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"EnsureCreated ended after {stopwatch.Elapsed}.");
    }

    [Fact]
    public void The_write_error_mapper_returns_a_cancellation_as_it_is()
    {
        using var db = TestContexts.Shop();
        var customer = new Customer { Id = "c1", Name = "Ann" };
        db.Add(customer);
        var command = WriteCommands.Of(db, customer)!;
        var mapper = db.GetService<DynamoDbWriteErrorMapper>();
        var canceled = new OperationCanceledException();

        Assert.Same(canceled, mapper.Map(command, canceled));
        Assert.Same(canceled, mapper.Map([command, command], [], canceled));
    }
}
