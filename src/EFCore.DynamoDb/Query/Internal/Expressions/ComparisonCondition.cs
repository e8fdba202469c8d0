using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>attribute op value</c>: one property of the item compared with a constant or a query parameter.</summary>
public sealed class ComparisonCondition(IProperty property, ComparisonOperator @operator, QueryValue value) : DynamoDbCondition
{
    /// <summary>The compared property (its attribute name and type mapping come from the model).</summary>
    public IProperty Property { get; } = property;

    /// <summary>The operator.</summary>
    public ComparisonOperator Operator { get; } = @operator;

    /// <summary>The value compared with.</summary>
    public QueryValue Value { get; } = value;

    /// <inheritdoc />
    public override string ToString() => $"{Property.GetAttributeName()} {Operator} {Value}";
}
