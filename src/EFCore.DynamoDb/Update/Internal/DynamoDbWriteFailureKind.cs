namespace EFCore.DynamoDb.Update.Internal;

/// <summary>The kinds of write failure, which decide the exception EF users get.</summary>
public enum DynamoDbWriteFailureKind
{
    /// <summary>An Added entity whose key exists: DbUpdateException.</summary>
    DuplicateKey,

    /// <summary>An updated or deleted entity whose item no longer exists: DbUpdateConcurrencyException.</summary>
    ItemMissing,

    /// <summary>An updated or deleted entity whose stored concurrency token differs: DbUpdateConcurrencyException.</summary>
    ConcurrencyConflict,

    /// <summary>A condition check whose item is missing or does not match: DbUpdateException.</summary>
    ConditionCheckFailed,

    /// <summary>Anything else DynamoDB refused (validation, throttling, a conflicting transaction): DbUpdateException.</summary>
    Rejected,
}
