namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>One request a <see cref="FaultInjectingHandler" /> was given.</summary>
/// <param name="Operation">The operation, such as "PutItem" or "TransactWriteItems".</param>
/// <param name="Fault">The fault it was answered with; null when it was forwarded untouched.</param>
/// <param name="ClientRequestToken">The idempotency token of a TransactWriteItems request; null for other operations.</param>
public sealed record HandledRequest(string Operation, InjectedFault? Fault, string? ClientRequestToken);
