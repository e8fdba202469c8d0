using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Replaces each query parameter with a read of its value from the executing <see cref="QueryContext" />, so
/// compiled code (a computed filter value, a client projection) sees each execution's values.
/// </summary>
public sealed class QueryParameterInliningExpressionVisitor : ExpressionVisitor
{
    private static readonly PropertyInfo ParametersProperty = typeof(QueryContext).GetProperty(nameof(QueryContext.Parameters))!;

    /// <summary>True once a parameter was replaced.</summary>
    public bool FoundParameter { get; private set; }

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
    {
        if (node is not QueryParameterExpression parameter)
        {
            return base.VisitExtension(node);
        }

        FoundParameter = true;
        return Expression.Convert(
            Expression.Property(
                Expression.Property(QueryCompilationContext.QueryContextParameter, ParametersProperty),
                "Item",
                Expression.Constant(parameter.Name)),
            parameter.Type);
    }
}
