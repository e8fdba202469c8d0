using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>A DynamoDB function applied to one attribute, with an optional value argument.</summary>
public sealed class FunctionCondition(DynamoDbConditionFunction function, IProperty property, QueryValue? argument) : DynamoDbCondition
{
    /// <summary>The function.</summary>
    public DynamoDbConditionFunction Function { get; } = function;

    /// <summary>The attribute it applies to.</summary>
    public IProperty Property { get; } = property;

    /// <summary>The value argument (prefix, operand or type name), or null for the existence functions.</summary>
    public QueryValue? Argument { get; } = argument;

    /// <inheritdoc />
    public override string ToString() => $"{Function}({Property.GetAttributeName()}{(Argument is null ? "" : ", " + Argument)})";
}
