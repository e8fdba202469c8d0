using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal.TransactionalRead;

/// <summary>
/// Turns a TransactGetItems that DynamoDB cancelled — at once, or on every attempt the execution strategy made — into
/// an <see cref="InvalidOperationException" /> naming what was read and DynamoDB's cancellation reasons.
/// </summary>
public static class TransactionalReadFailure
{
    /// <summary>The exception to throw for <paramref name="exception" />, or null when it is not a cancellation.</summary>
    public static InvalidOperationException? Map(Exception exception, string entityTypes)
        => (exception as TransactionCanceledException ?? (exception as RetryLimitExceededException)?.InnerException as TransactionCanceledException) is { } canceled
            ? new InvalidOperationException(DynamoDbStrings.TransactionalReadCanceled(entityTypes, Reasons(canceled)), exception)
            : null;

    private static string Reasons(TransactionCanceledException exception)
        => exception.CancellationReasons is { Count: > 0 } reasons
            ? string.Join(", ", reasons.Select(r => r.Code).Where(c => c is not null and not "None").Distinct())
            : exception.Message;
}
