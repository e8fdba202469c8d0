namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>The DynamoDB condition-expression functions a predicate can use.</summary>
public enum DynamoDbConditionFunction
{
    /// <summary><c>attribute_exists(path)</c></summary>
    AttributeExists,

    /// <summary><c>attribute_not_exists(path)</c></summary>
    AttributeNotExists,

    /// <summary><c>attribute_type(path, :type)</c></summary>
    AttributeType,

    /// <summary><c>begins_with(path, :prefix)</c></summary>
    BeginsWith,

    /// <summary><c>contains(path, :operand)</c>: a substring of a string, or an element of a set or list.</summary>
    Contains,
}
