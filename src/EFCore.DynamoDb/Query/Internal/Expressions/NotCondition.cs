namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>NOT operand</c>.</summary>
public sealed class NotCondition(DynamoDbCondition operand) : DynamoDbCondition
{
    /// <summary>The negated condition.</summary>
    public DynamoDbCondition Operand { get; } = operand;

    /// <inheritdoc />
    public override string ToString() => $"NOT {Operand}";
}
