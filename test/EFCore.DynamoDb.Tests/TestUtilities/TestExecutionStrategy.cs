using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>
/// A <see cref="DynamoDbExecutionStrategy" /> that waits exactly its max retry delay before each retry (tiny in most
/// tests, long in the cancellation ones) and whose retry decision a test can ask directly.
/// </summary>
public sealed class TestExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan delay)
    : DynamoDbExecutionStrategy(dependencies, maxRetryCount, delay)
{
    /// <summary>True when the strategy would retry after this failure.</summary>
    public bool Retries(Exception exception) => ShouldRetryOn(exception);

    /// <inheritdoc />
    protected override TimeSpan? GetNextDelay(Exception lastException) => base.GetNextDelay(lastException) is null ? null : MaxRetryDelay;
}
