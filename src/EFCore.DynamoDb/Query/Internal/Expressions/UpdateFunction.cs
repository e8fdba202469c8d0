namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>The functions and arithmetic a DynamoDB update expression combines two operands with.</summary>
public enum UpdateFunction
{
    /// <summary><c>if_not_exists(path, operand)</c>: the attribute's value, or the operand when the item lacks it.</summary>
    IfNotExists,

    /// <summary><c>list_append(first, second)</c>: the two lists, one after the other.</summary>
    ListAppend,

    /// <summary><c>first + second</c> on numbers.</summary>
    Plus,

    /// <summary><c>first - second</c> on numbers.</summary>
    Minus,
}
