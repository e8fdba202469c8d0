using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Sends one DynamoDB request through an execution strategy of its own, so that the request alone is retried on a
/// transient failure: each page of a query, each key batch, each write of an independent save or of an
/// ExecuteUpdate/ExecuteDelete. Safe to call concurrently: a strategy keeps per-operation state (the failures so far),
/// so each call creates a new one from <see cref="IExecutionStrategyFactory" />, and EF marks the strategy in charge
/// per asynchronous flow, so calls in flight together never see each other's.
/// </summary>
/// <remarks>
/// Inside an operation that a strategy already runs (a SaveChanges, which EF runs in the context's strategy unless
/// <c>AutoTransactionBehavior.Never</c>, or the application's own <c>CreateExecutionStrategy().ExecuteAsync</c>),
/// EF sends the request once and leaves the retry to that outer strategy, which runs its whole operation again.
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
    public virtual Task<TResponse> ExecuteAsync<TResponse>(Func<CancellationToken, Task<TResponse>> request, CancellationToken cancellationToken)
        => executionStrategyFactory.Create().ExecuteAsync(request, static (_, send, ct) => send(ct), null, cancellationToken);
}
