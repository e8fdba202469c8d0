namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// Why one action of a save was not written: the command (an entity's write) or the condition check it belongs to,
/// the kind of failure, and a sentence describing it.
/// </summary>
public sealed record DynamoDbWriteFailure(
    DynamoDbWriteCommand? Command,
    DynamoDbConditionCheck? ConditionCheck,
    DynamoDbWriteFailureKind Kind,
    string Description);
