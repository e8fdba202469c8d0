using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// The DynamoDB provider's default execution strategy: retries what DynamoDB reports as transient, after EF's
/// exponential backoff with jitter. Transient are throttling (ProvisionedThroughputExceeded, Throttling,
/// RequestLimitExceeded), server errors (any status code of 500 or more), a conflict with another transaction
/// (TransactionConflict, TransactionInProgress) and a cancelled transaction whose only reasons are conflicts or
/// throttling. A failed condition, a concurrency conflict, a validation error or any other client error is never
/// retried. The client the provider creates has the AWS SDK's own retries off, so this strategy is the one retry
/// layer and every retry is logged; a client the application supplies keeps its SDK retries underneath it.
/// </summary>
/// <remarks>
/// Configure it with <c>UseDynamoDb(o =&gt; o.ExecutionStrategy(d =&gt; new DynamoDbExecutionStrategy(d, 10, TimeSpan.FromSeconds(5))))</c>.
/// Each retry is logged as EF's <c>CoreEventId.ExecutionStrategyRetrying</c>.
/// </remarks>
public class DynamoDbExecutionStrategy : ExecutionStrategy
{
    /// <summary>Creates the strategy with EF's default retry count and delay bound.</summary>
    /// <param name="context">The context on which the operations are invoked.</param>
    public DynamoDbExecutionStrategy(DbContext context)
        : this(context, DefaultMaxRetryCount)
    {
    }

    /// <summary>Creates the strategy with EF's default retry count and delay bound.</summary>
    /// <param name="dependencies">The strategy's service dependencies.</param>
    public DynamoDbExecutionStrategy(ExecutionStrategyDependencies dependencies)
        : this(dependencies, DefaultMaxRetryCount)
    {
    }

    /// <summary>Creates the strategy with EF's default delay bound.</summary>
    /// <param name="context">The context on which the operations are invoked.</param>
    /// <param name="maxRetryCount">The most retries of one operation.</param>
    public DynamoDbExecutionStrategy(DbContext context, int maxRetryCount)
        : this(context, maxRetryCount, DefaultMaxDelay)
    {
    }

    /// <summary>Creates the strategy with EF's default delay bound.</summary>
    /// <param name="dependencies">The strategy's service dependencies.</param>
    /// <param name="maxRetryCount">The most retries of one operation.</param>
    public DynamoDbExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount)
        : this(dependencies, maxRetryCount, DefaultMaxDelay)
    {
    }

    /// <summary>Creates the strategy.</summary>
    /// <param name="context">The context on which the operations are invoked.</param>
    /// <param name="maxRetryCount">The most retries of one operation.</param>
    /// <param name="maxRetryDelay">The longest delay between two attempts.</param>
    public DynamoDbExecutionStrategy(DbContext context, int maxRetryCount, TimeSpan maxRetryDelay)
        : base(context, maxRetryCount, maxRetryDelay)
    {
    }

    /// <summary>Creates the strategy.</summary>
    /// <param name="dependencies">The strategy's service dependencies.</param>
    /// <param name="maxRetryCount">The most retries of one operation.</param>
    /// <param name="maxRetryDelay">The longest delay between two attempts.</param>
    public DynamoDbExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
        : base(dependencies, maxRetryCount, maxRetryDelay)
    {
    }

    /// <summary>
    /// True when DynamoDB's failure is transient (see <see cref="DynamoDbTransientExceptionDetector" />), also when
    /// the provider wrapped it in a <see cref="DbUpdateException" />.
    /// </summary>
    /// <param name="exception">The exception an attempt failed with.</param>
    protected override bool ShouldRetryOn(Exception exception) => DynamoDbTransientExceptionDetector.ShouldRetryOn(exception);

    /// <summary>Counts the retry in the <c>aws.dynamodb.retries</c> metric (EF logs it as <c>ExecutionStrategyRetrying</c>).</summary>
    protected override void OnRetry()
    {
        DynamoDbRequestTelemetry.Retrying();
        base.OnRetry();
    }
}
