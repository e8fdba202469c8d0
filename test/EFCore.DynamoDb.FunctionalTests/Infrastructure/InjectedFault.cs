namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>A fault <see cref="FaultInjectingHandler" /> answers a call with instead of DynamoDB's answer.</summary>
public enum InjectedFault
{
    /// <summary>HTTP 400 <c>ThrottlingException</c>, not forwarded.</summary>
    Throttling,

    /// <summary>HTTP 400 <c>ProvisionedThroughputExceededException</c>, not forwarded.</summary>
    ProvisionedThroughputExceeded,

    /// <summary>HTTP 400 <c>RequestLimitExceeded</c>, not forwarded.</summary>
    RequestLimitExceeded,

    /// <summary>HTTP 500 <c>InternalServerError</c>, not forwarded.</summary>
    InternalServerError,

    /// <summary>
    /// BatchWriteItem only: some of the request's writes forwarded, the others (at least one) answered as
    /// UnprocessedItems, as DynamoDB does when it throttles part of a batch.
    /// </summary>
    PartialBatchWrite,

    /// <summary>
    /// TransactWriteItems only: HTTP 400 <c>TransactionCanceledException</c> with one cancellation reason per action,
    /// the first <c>TransactionConflict</c> and the others <c>None</c>, as DynamoDB answers when another transaction
    /// holds one of the items; not forwarded.
    /// </summary>
    TransactionConflict,

    /// <summary>
    /// Forwarded, applied by DynamoDB, and its answer dropped: the caller gets HTTP 500 <c>InternalServerError</c> for
    /// a call that succeeded, as when a response is lost on the network after the server applied the request.
    /// </summary>
    LostResponse,
}
