using System.Diagnostics;
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// What <see cref="DynamoDbExecutionStrategy" /> retries (throttling, server errors, transaction conflicts; never a
/// failed condition, a concurrency conflict or a validation error), how it waits, gives up and stops when cancelled.
/// </summary>
public sealed class DynamoDbExecutionStrategyTests : IDisposable
{
    private readonly ShopContext _db = TestContexts.Shop();

    public void Dispose() => _db.Dispose();

    private TestExecutionStrategy Strategy(int maxRetryCount = 3, TimeSpan? delay = null)
        => new(_db.GetService<ExecutionStrategyDependencies>(), maxRetryCount, delay ?? TimeSpan.Zero);

    private static TransactionCanceledException Canceled(params string[] codes)
        => new("Transaction cancelled") { CancellationReasons = codes.Select(c => new CancellationReason { Code = c }).ToList() };

    public static TheoryData<string, Exception> Throttling => new()
    {
        { "ProvisionedThroughputExceeded", new ProvisionedThroughputExceededException("The level of configured provisioned throughput for the table was exceeded.") },
        { "Throttling", new ThrottlingException("Rate of requests exceeds the allowed throughput.") },
        { "RequestLimitExceeded", new RequestLimitExceededException("Throughput exceeds the current throughput limit for your account.") },
    };

    public static TheoryData<string, Exception> ServerErrors => new()
    {
        { "InternalServerError", new InternalServerErrorException("Internal server error") },
        { "ServiceUnavailable", new AmazonDynamoDBException("Service unavailable") { StatusCode = HttpStatusCode.ServiceUnavailable } },
        { "any 5xx", new AmazonServiceException("Bad gateway") { StatusCode = HttpStatusCode.BadGateway } },
    };

    [Theory]
    [MemberData(nameof(Throttling))]
    public void Throttling_is_retried(string kind, Exception exception)
        => Assert.True(Strategy().Retries(exception), kind);

    [Theory]
    [MemberData(nameof(ServerErrors))]
    public void A_server_error_is_retried(string kind, Exception exception)
        => Assert.True(Strategy().Retries(exception), kind);

    [Fact]
    public void A_conflict_with_another_transaction_is_retried()
    {
        Assert.True(Strategy().Retries(new TransactionConflictException("Transaction is ongoing for the item")));
        Assert.True(Strategy().Retries(new TransactionInProgressException("The transaction with the given request token is already in progress.")));
    }

    [Theory]
    [InlineData("TransactionConflict")]
    [InlineData("ThrottlingError")]
    [InlineData("ProvisionedThroughputExceeded")]
    public void A_transaction_canceled_only_for_conflicts_or_throttling_is_retried(string reason)
        => Assert.True(Strategy().Retries(Canceled("None", reason, "None")));

    [Fact]
    public void A_transaction_canceled_for_a_failed_condition_is_not_retried_even_with_a_conflict()
        => Assert.False(Strategy().Retries(Canceled("TransactionConflict", "ConditionalCheckFailed")));

    [Fact]
    public void A_transaction_canceled_for_a_validation_error_is_not_retried_even_with_throttling()
        => Assert.False(Strategy().Retries(Canceled("ValidationError", "ThrottlingError")));

    [Fact]
    public void A_transaction_canceled_without_a_transient_reason_is_not_retried()
    {
        Assert.False(Strategy().Retries(Canceled()));
        Assert.False(Strategy().Retries(Canceled("None", "ItemCollectionSizeLimitExceeded")));
        Assert.False(Strategy().Retries(new TransactionCanceledException("Transaction cancelled") { CancellationReasons = null }));
    }

    [Fact]
    public void A_failed_condition_is_not_retried()
        => Assert.False(Strategy().Retries(new ConditionalCheckFailedException("The conditional request failed")));

    [Fact]
    public void A_client_error_is_not_retried()
    {
        Assert.False(Strategy().Retries(new AmazonDynamoDBException("One or more parameter values were invalid") { StatusCode = HttpStatusCode.BadRequest }));
        Assert.False(Strategy().Retries(new ResourceNotFoundException("Requested resource not found")));
        Assert.False(Strategy().Retries(new InvalidOperationException("Not a DynamoDB failure")));
    }

    [Fact]
    public void A_transient_failure_inside_a_DbUpdateException_is_retried()
    {
        Assert.True(Strategy().Retries(new DbUpdateException("Write failed", new ProvisionedThroughputExceededException("Throttled"))));
        Assert.True(Strategy().Retries(new DbUpdateException("Write failed", Canceled("TransactionConflict"))));
        Assert.True(Strategy().Retries(new InvalidOperationException("Outer", new DbUpdateException("Write failed", new InternalServerErrorException("Internal server error")))));
    }

    [Fact]
    public void A_failed_condition_inside_a_DbUpdateException_is_not_retried()
    {
        Assert.False(Strategy().Retries(new DbUpdateException("Duplicate key", new ConditionalCheckFailedException("The conditional request failed"))));
        Assert.False(Strategy().Retries(new DbUpdateException("Canceled", Canceled("ConditionalCheckFailed", "TransactionConflict"))));
    }

    [Fact]
    public void A_concurrency_exception_is_never_retried_whatever_it_wraps()
        => Assert.False(Strategy().Retries(new DbUpdateConcurrencyException("Changed", new ProvisionedThroughputExceededException("Throttled"))));

    [Fact]
    public void A_cancellation_is_not_retried()
    {
        Assert.False(Strategy().Retries(new OperationCanceledException()));
        Assert.False(Strategy().Retries(new TaskCanceledException()));
    }

    [Fact]
    public async Task An_operation_that_fails_transiently_is_run_again_until_it_succeeds()
    {
        var attempts = 0;

        var result = await Strategy().ExecuteAsync(
            _ => ++attempts < 3 ? throw new ProvisionedThroughputExceededException("Throttled") : Task.FromResult("done"),
            CancellationToken.None);

        Assert.Equal("done", result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task The_strategy_gives_up_after_the_max_retry_count_with_RetryLimitExceededException()
    {
        var attempts = 0;

        var exception = await Assert.ThrowsAsync<RetryLimitExceededException>(
            () => Strategy(maxRetryCount: 2).ExecuteAsync<string>(
                _ =>
                {
                    attempts++;
                    throw new InternalServerErrorException("Internal server error");
                },
                CancellationToken.None));

        Assert.Equal(3, attempts);
        Assert.IsType<InternalServerErrorException>(exception.InnerException);
    }

    [Fact]
    public async Task A_failure_that_is_not_transient_is_thrown_at_once()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<ConditionalCheckFailedException>(
            () => Strategy().ExecuteAsync<string>(
                _ =>
                {
                    attempts++;
                    throw new ConditionalCheckFailedException("The conditional request failed");
                },
                CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_token_cancelled_during_a_retry_delay_ends_the_wait_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        var strategy = Strategy(delay: TimeSpan.FromMinutes(5));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => strategy.ExecuteAsync<string>(
                _ =>
                {
                    cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
                    throw new ThrottlingException("Throttled");
                },
                cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"The wait ended after {stopwatch.Elapsed}.");
    }

    [Fact]
    public async Task A_token_cancelled_before_the_first_attempt_runs_nothing()
    {
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Strategy().ExecuteAsync(_ => Task.FromResult(++attempts), new CancellationToken(canceled: true)));

        Assert.Equal(0, attempts);
    }

    [Fact]
    public async Task Each_retry_is_logged_as_EFs_ExecutionStrategyRetrying_event()
    {
        var events = new List<EventData>();
        await using var db = TestContexts.Shop(configure: o => o.LogTo(
            (id, _) => id == CoreEventId.ExecutionStrategyRetrying,
            e =>
            {
                lock (events)
                {
                    events.Add(e);
                }
            }));
        var strategy = new TestExecutionStrategy(db.GetService<ExecutionStrategyDependencies>(), 3, TimeSpan.Zero);
        var attempts = 0;

        await strategy.ExecuteAsync(_ => ++attempts < 3 ? throw new ThrottlingException("Throttled") : Task.FromResult(attempts), CancellationToken.None);

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.IsType<ThrottlingException>(Assert.IsType<ExecutionStrategyEventData>(e).ExceptionsEncountered[^1]));
    }
}
