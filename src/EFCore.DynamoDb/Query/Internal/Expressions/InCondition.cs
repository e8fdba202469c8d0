using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// <c>attribute IN (values…)</c> for a collection of values known when the query runs (<c>ids.Contains(e.Id)</c>).
/// On a key it becomes a BatchGetItem; in a filter it is split into INs of at most 100 operands each.
/// </summary>
public sealed class InCondition(IProperty property, QueryValue values) : DynamoDbCondition
{
    /// <summary>The compared attribute.</summary>
    public IProperty Property { get; } = property;

    /// <summary>The collection of values.</summary>
    public QueryValue Values { get; } = values;

    /// <inheritdoc />
    public override string ToString() => $"{Property.GetAttributeName()} IN {Values}";
}
