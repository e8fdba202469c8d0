namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>The transient error <see cref="FaultInjectingHandler" /> answers a request with instead of sending it.</summary>
public enum Fault
{
    /// <summary>HTTP 500 with DynamoDB's InternalServerError.</summary>
    InternalServerError,

    /// <summary>HTTP 400 with DynamoDB's ProvisionedThroughputExceededException.</summary>
    Throttling,
}
