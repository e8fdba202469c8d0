using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

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

    /// <summary>
    /// The values for this execution, in the order given, each converted to the property's CLR type as
    /// <see cref="QueryValue.Evaluate" /> converts one. With <paramref name="distinct" />, a value repeated in the
    /// collection is returned once; values are told apart as given, before the conversion.
    /// </summary>
    public IEnumerable<object?> Evaluate(QueryContext queryContext, bool distinct = false)
    {
        var values = (Values.GetValue(queryContext) as IEnumerable)?.Cast<object?>() ?? [];
        return (distinct ? values.Distinct() : values).Select(v => QueryValue.Coerce(v, Property.ClrType));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Property.GetAttributeName()} IN {Values}";
}
