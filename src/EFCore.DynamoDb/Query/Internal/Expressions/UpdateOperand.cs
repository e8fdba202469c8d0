namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// An operand of a DynamoDB update expression: an attribute path, a value, or a function or arithmetic over
/// operands (<c>if_not_exists</c>, <c>list_append</c>, <c>+</c>, <c>-</c>).
/// </summary>
public abstract record UpdateOperand;
