using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>attribute BETWEEN low AND high</c>, both bounds inclusive.</summary>
public sealed class BetweenCondition(IProperty property, QueryValue low, QueryValue high) : DynamoDbCondition
{
    /// <summary>The compared attribute.</summary>
    public IProperty Property { get; } = property;

    /// <summary>The inclusive lower bound.</summary>
    public QueryValue Low { get; } = low;

    /// <summary>The inclusive upper bound.</summary>
    public QueryValue High { get; } = high;

    /// <inheritdoc />
    public override string ToString() => $"{Property.GetAttributeName()} BETWEEN {Low} AND {High}";
}
