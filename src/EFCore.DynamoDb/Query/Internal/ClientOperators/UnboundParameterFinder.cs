using System.Linq.Expressions;

namespace EFCore.DynamoDb.Query.Internal.ClientOperators;

/// <summary>
/// Whether an expression uses a parameter that no lambda inside it declares: a subquery that reads the outer row
/// (it cannot be read on its own), or a GroupBy result selector in which EF's navigation expansion left such a
/// parameter because it uses the group's elements other than through an operator
/// (<c>(key, orders) => new { key, orders }</c>) — EF's relational providers refuse that shape, and so does this one,
/// rather than compile a lambda that cannot run.
/// </summary>
/// <remarks>
/// This is an internal API that supports the Entity Framework Core infrastructure and not subject to
/// the same compatibility standards as public APIs.
/// </remarks>
public sealed class UnboundParameterFinder : ExpressionVisitor
{
    private readonly HashSet<ParameterExpression> _declared = [];
    private bool _found;

    private UnboundParameterFinder(ParameterExpression? queryContext)
    {
        if (queryContext is not null)
        {
            _declared.Add(queryContext);
        }
    }

    /// <summary>
    /// Whether <paramref name="expression" /> uses a parameter no lambda inside it declares, other than
    /// <paramref name="queryContext" /> (EF's query context, which every query lambda may read) when given.
    /// </summary>
    public static bool UsesUnbound(Expression expression, ParameterExpression? queryContext = null)
    {
        var finder = new UnboundParameterFinder(queryContext);
        finder.Visit(expression);
        return finder._found;
    }

    /// <inheritdoc />
    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        _declared.UnionWith(node.Parameters);
        return base.VisitLambda(node);
    }

    /// <inheritdoc />
    protected override Expression VisitParameter(ParameterExpression node)
    {
        _found |= !_declared.Contains(node);
        return node;
    }
}
