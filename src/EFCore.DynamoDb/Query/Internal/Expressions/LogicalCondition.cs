namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>left AND right</c> or <c>left OR right</c>.</summary>
public sealed class LogicalCondition(bool isAnd, DynamoDbCondition left, DynamoDbCondition right) : DynamoDbCondition
{
    /// <summary>True for AND, false for OR.</summary>
    public bool IsAnd { get; } = isAnd;

    /// <summary>The left operand.</summary>
    public DynamoDbCondition Left { get; } = left;

    /// <summary>The right operand.</summary>
    public DynamoDbCondition Right { get; } = right;

    /// <inheritdoc />
    public override string ToString() => $"({Left} {(IsAnd ? "AND" : "OR")} {Right})";
}
