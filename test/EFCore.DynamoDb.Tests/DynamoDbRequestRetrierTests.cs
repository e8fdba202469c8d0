using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// <see cref="DynamoDbRequestRetrier" />: one request retried on its own, through a new execution strategy per call,
/// so that requests in flight together (an independent save, a parallel scan) are each retried correctly.
/// </summary>
public sealed class DynamoDbRequestRetrierTests : IDisposable
{
    private readonly ShopContext _db = TestContexts.Shop(o => o.ExecutionStrategy(d => new TestExecutionStrategy(d, 3, TimeSpan.FromMilliseconds(1))));

    public void Dispose() => _db.Dispose();

    private DynamoDbRequestRetrier Retrier => _db.GetService<DynamoDbRequestRetrier>();

    [Fact]
    public async Task A_request_that_fails_transiently_is_sent_again_until_it_succeeds()
    {
        var attempts = 0;

        var response = await Retrier.ExecuteAsync(
            _ => ++attempts < 3 ? throw new ProvisionedThroughputExceededException("Throttled") : Task.FromResult(new PutItemResponse()),
            CancellationToken.None);

        Assert.NotNull(response);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Concurrent_requests_that_all_fail_while_in_flight_together_are_each_retried()
    {
        const int requests = 32;
        var allInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var attempts = new int[requests];

        var responses = await Task.WhenAll(Enumerable.Range(0, requests).Select(i => Retrier.ExecuteAsync(
            async _ =>
            {
                if (Interlocked.Increment(ref attempts[i]) == 1)
                {
                    // Every first attempt fails only once all of them have started, so each fails while the others
                    // are still running in their own strategies.
                    if (Interlocked.Increment(ref started) == requests)
                    {
                        allInFlight.SetResult();
                    }

                    await allInFlight.Task;
                    throw new InternalServerErrorException("Internal server error");
                }

                return i;
            },
            CancellationToken.None)));

        Assert.Equal(Enumerable.Range(0, requests), responses);
        Assert.All(attempts, a => Assert.Equal(2, a));
    }

    [Fact]
    public async Task Each_call_that_fails_uses_a_new_execution_strategy_and_one_that_succeeds_at_once_creates_none()
    {
        var created = 0;
        await using var db = TestContexts.Shop(o => o.ExecutionStrategy(d =>
        {
            Interlocked.Increment(ref created);
            return new TestExecutionStrategy(d, 1, TimeSpan.Zero);
        }));
        var retrier = db.GetService<DynamoDbRequestRetrier>();
        var createdBefore = created;

        await retrier.ExecuteAsync(_ => Task.FromResult(1), CancellationToken.None);
        await retrier.ExecuteAsync(_ => Task.FromResult(2), CancellationToken.None);

        Assert.Equal(createdBefore, created);

        var attempts = new int[2];
        for (var call = 0; call < 2; call++)
        {
            var i = call;
            await retrier.ExecuteAsync(_ => ++attempts[i] == 1 ? throw new ThrottlingException("Throttled") : Task.FromResult(i), CancellationToken.None);
        }

        Assert.Equal(createdBefore + 2, created);
        Assert.Equal([2, 2], attempts);
    }

    [Fact]
    public async Task A_failure_the_strategy_does_not_retry_is_thrown_as_it_is_after_one_attempt()
    {
        var attempts = 0;
        var failure = new ConditionalCheckFailedException("The conditional request failed");

        var thrown = await Assert.ThrowsAsync<ConditionalCheckFailedException>(
            () => Retrier.ExecuteAsync<int>(_ =>
            {
                attempts++;
                throw failure;
            }, CancellationToken.None));

        Assert.Same(failure, thrown);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_request_failing_on_every_attempt_ends_with_the_retry_limit_after_the_strategys_retries()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<RetryLimitExceededException>(
            () => Retrier.ExecuteAsync<int>(_ =>
            {
                attempts++;
                throw new ThrottlingException("Throttled");
            }, CancellationToken.None));

        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task Inside_an_operation_a_strategy_already_runs_the_request_is_sent_once_and_the_outer_strategy_retries()
    {
        var operations = 0;
        var requests = 0;

        await _db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            operations++;
            await Retrier.ExecuteAsync(
                _ => ++requests == 1 ? throw new ThrottlingException("Throttled") : Task.FromResult(requests),
                CancellationToken.None);
        });

        Assert.Equal(2, operations);
        Assert.Equal(2, requests);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_call_sends_nothing()
    {
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Retrier.ExecuteAsync(_ => Task.FromResult(++attempts), new CancellationToken(canceled: true)));

        Assert.Equal(0, attempts);
    }

    [Fact]
    public async Task A_token_cancelled_during_a_retry_delay_stops_the_request()
    {
        await using var db = TestContexts.Shop(o => o.ExecutionStrategy(d => new TestExecutionStrategy(d, 3, TimeSpan.FromMinutes(5))));
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => db.GetService<DynamoDbRequestRetrier>().ExecuteAsync<int>(
                _ =>
                {
                    attempts++;
                    cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));
                    throw new ThrottlingException("Throttled");
                },
                cancellation.Token));

        Assert.Equal(1, attempts);
    }
}
