namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>A function or arithmetic of an update expression over two operands.</summary>
public sealed record UpdateFunctionOperand(UpdateFunction Function, UpdateOperand First, UpdateOperand Second) : UpdateOperand
{
    /// <inheritdoc />
    public override string ToString()
        => Function switch
        {
            UpdateFunction.IfNotExists => $"if_not_exists({First}, {Second})",
            UpdateFunction.ListAppend => $"list_append({First}, {Second})",
            UpdateFunction.Plus => $"{First} + {Second}",
            _ => $"{First} - {Second}",
        };
}
