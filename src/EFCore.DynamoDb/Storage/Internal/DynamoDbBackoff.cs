namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// The wait before asking DynamoDB again for what a batch request left unprocessed (BatchWriteItem's UnprocessedItems,
/// BatchGetItem's UnprocessedKeys): a random time up to an exponentially growing cap (full jitter), so that many
/// clients throttled together do not retry together.
/// </summary>
public static class DynamoDbBackoff
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the given (1-based) attempt.</summary>
    public static TimeSpan FullJitter(int attempt)
        => TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1)));
}
