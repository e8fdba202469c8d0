// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Thrown by <c>BatchPutAsync</c> and <c>BatchDeleteAsync</c> when some writes were not made: DynamoDB kept returning
/// them as unprocessed until the last attempt, or refused their request. BatchWriteItem is not atomic: the other
/// writes of the call were made and stay made.
/// </summary>
public class DynamoDbBatchWriteException : DbUpdateException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="unprocessedItems">The entities or keys not written, as they were passed.</param>
    /// <param name="innerException">The error DynamoDB answered a request with, if any.</param>
    public DynamoDbBatchWriteException(string message, IReadOnlyList<object> unprocessedItems, Exception? innerException = null)
        : base(message, innerException)
        => UnprocessedItems = unprocessedItems;

    /// <summary>
    /// The writes not made, as they were passed: the entities given to <c>BatchPutAsync</c> or to
    /// <c>BatchDeleteAsync</c>, or the keys given to <c>BatchDeleteAsync</c> (a single value, or an <c>object[]</c>).
    /// Writing them again with the same call finishes the job.
    /// </summary>
    public virtual IReadOnlyList<object> UnprocessedItems { get; }
}
