using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Sends one DynamoDB request through an execution strategy of its own, so that the request alone is retried on a
/// transient failure: each page of a query, each key batch, each write of an independent save or of an
/// ExecuteUpdate/ExecuteDelete. Safe to call concurrently: a strategy keeps per-operation state (the failures so far),
/// so each failed request gets a new one from <see cref="IExecutionStrategyFactory" />, and EF marks the strategy in
/// charge per asynchronous flow, so calls in flight together never see each other's.
/// </summary>
/// <remarks>
/// <para>
/// The first attempt is sent before any strategy exists: creating one costs more than a canned request's own work
/// (EF's strategy seeds a new <see cref="Random" />), and most requests succeed at once. Only a failed first attempt
/// creates the strategy, which then sees that failure as its own first attempt's (the operation it runs throws it
/// again, without sending) and decides as it always does: retry after a delay, give up, or throw it as it is.
/// </para>
/// <para>
/// Inside an operation that a strategy already runs (a SaveChanges, which EF runs in the context's strategy unless
/// <c>AutoTransactionBehavior.Never</c>, or the application's own <c>CreateExecutionStrategy().ExecuteAsync</c>),
/// EF sends the request once and leaves the retry to that outer strategy, which runs its whole operation again.
/// </para>
/// </remarks>
public class DynamoDbRequestRetrier(IExecutionStrategyFactory executionStrategyFactory)
{
    /// <summary>
    /// Sends the request, again after each transient failure with a growing delay, until it succeeds, fails for
    /// good or the retries run out (<see cref="RetryLimitExceededException" />). A token cancelled before an attempt
    /// or during a delay ends it with an <see cref="OperationCanceledException" />.
    /// </summary>
    /// <param name="request">Sends the request once with the token it is given.</param>
    /// <param name="cancellationToken">Cancels the attempts and the delays between them.</param>
    public virtual async Task<TResponse> ExecuteAsync<TResponse>(Func<CancellationToken, Task<TResponse>> request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ExceptionDispatchInfo firstFailure;
        try
        {
            return await request(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            firstFailure = ExceptionDispatchInfo.Capture(exception);
        }

        var replay = new FirstFailureReplay<TResponse>(request, firstFailure);
        return await executionStrategyFactory.Create()
            .ExecuteAsync(replay, static (_, replay, ct) => replay.SendAsync(ct), null, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// How long to wait before asking again for the keys a BatchGetItem left unprocessed after the given (1-based)
    /// attempt (<see cref="DynamoDbBackoff.FullJitter" />).
    /// </summary>
    public virtual TimeSpan UnprocessedRetryDelay(int attempt) => DynamoDbBackoff.FullJitter(attempt);

    // The strategy's operation: its first call throws the failure the request already had, later calls send again.
    private sealed class FirstFailureReplay<TResponse>(Func<CancellationToken, Task<TResponse>> request, ExceptionDispatchInfo firstFailure)
    {
        private bool _replayed;

        public Task<TResponse> SendAsync(CancellationToken cancellationToken)
        {
            if (_replayed)
            {
                return request(cancellationToken);
            }

            _replayed = true;
            firstFailure.Throw();
            return null!;
        }
    }
}
