namespace EFCore.DynamoDb.Update.Internal;

/// <summary>How a failed save was sent, which decides what its message says was written.</summary>
public enum DynamoDbWriteOutcome
{
    /// <summary>One request for one entity: nothing else to tell.</summary>
    Single,

    /// <summary>One TransactWriteItems: nothing was written.</summary>
    Transaction,

    /// <summary>Independent requests (<c>AutoTransactionBehavior.Never</c>): the others were written.</summary>
    Independent,
}
