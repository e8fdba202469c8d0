using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>size(attribute) op value</c>: a string's length, a binary's byte count, a collection's element count.</summary>
public sealed class SizeComparisonCondition(IProperty property, ComparisonOperator @operator, QueryValue value) : DynamoDbCondition
{
    /// <summary>The measured attribute.</summary>
    public IProperty Property { get; } = property;

    /// <summary>The operator.</summary>
    public ComparisonOperator Operator { get; } = @operator;

    /// <summary>The number compared with.</summary>
    public QueryValue Value { get; } = value;

    /// <inheritdoc />
    public override string ToString() => $"size({Property.GetAttributeName()}) {Operator} {Value}";
}
