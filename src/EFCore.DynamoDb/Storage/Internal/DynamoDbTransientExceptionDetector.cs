using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Which DynamoDB failures are transient, worth another attempt: throttling (ProvisionedThroughputExceeded,
/// Throttling, RequestLimitExceeded), server errors (any status code of 500 or more), a conflict with another
/// transaction (TransactionConflict, TransactionInProgress) and a cancelled transaction whose only reasons are
/// conflicts or throttling. A failed condition, a concurrency conflict, a validation error or any other client error
/// is not. Used by <see cref="DynamoDbExecutionStrategy" /> and by the batch writer's own retries.
/// </summary>
public static class DynamoDbTransientExceptionDetector
{
    /// <summary>
    /// True when the failure is transient. The provider wraps a failed write in a <see cref="DbUpdateException" />,
    /// so the exception and then its inner exceptions are examined, outermost first, until one says whether it is
    /// transient.
    /// </summary>
    public static bool ShouldRetryOn(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // The data, not the service, is at fault: another attempt fails the same way (or, worse, succeeds
                // over a change it should have detected).
                case DbUpdateConcurrencyException or ConditionalCheckFailedException or OperationCanceledException:
                    return false;
                case TransactionCanceledException canceled:
                    return IsTransient(canceled);
                case ProvisionedThroughputExceededException
                    or ThrottlingException
                    or RequestLimitExceededException
                    or InternalServerErrorException
                    or TransactionConflictException
                    or TransactionInProgressException:
                    return true;
                case AmazonServiceException service:
                    return service.StatusCode >= HttpStatusCode.InternalServerError;
            }
        }

        return false;
    }

    /// <summary>
    /// True when DynamoDB refused the request for lack of capacity: ProvisionedThroughputExceeded, Throttling,
    /// RequestLimitExceeded, or a transaction cancelled for throttling.
    /// </summary>
    public static bool IsThrottling(Exception exception)
        => exception switch
        {
            ProvisionedThroughputExceededException or ThrottlingException or RequestLimitExceededException => true,
            TransactionCanceledException canceled => canceled.CancellationReasons?.Any(r => r.Code is "ThrottlingError" or "ProvisionedThroughputExceeded") == true,
            _ => false,
        };

    // DynamoDB cancels a whole transaction for one action's reason; it is worth another attempt only when every
    // reason given is a conflict with another transaction or throttling. A failed condition or a validation error
    // of any action would fail again.
    private static bool IsTransient(TransactionCanceledException exception)
    {
        var transient = false;
        foreach (var reason in exception.CancellationReasons ?? [])
        {
            switch (reason.Code)
            {
                case null or "None":
                    break;
                case "TransactionConflict" or "ThrottlingError" or "ProvisionedThroughputExceeded":
                    transient = true;
                    break;
                default:
                    return false;
            }
        }

        return transient;
    }
}
