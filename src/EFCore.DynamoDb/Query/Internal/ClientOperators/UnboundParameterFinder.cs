using System.Linq.Expressions;

namespace EFCore.DynamoDb.Query.Internal.ClientOperators;

/// <summary>
/// Whether a lambda's body uses a parameter that neither it nor a lambda inside it declares. EF's
/// navigation expansion leaves such a parameter in a GroupBy result selector that uses the group's elements other
/// than through an operator (<c>(key, orders) => new { key, orders }</c>): its relational providers refuse that
/// shape, and so does this one, rather than compile a lambda that cannot run.
/// </summary>
/// <remarks>
/// This is an internal API that supports the Entity Framework Core infrastructure and not subject to
/// the same compatibility standards as public APIs.
/// </remarks>
public sealed class UnboundParameterFinder : ExpressionVisitor
{
    private readonly HashSet<ParameterExpression> _declared = [];
    private bool _found;

    private UnboundParameterFinder(ParameterExpression queryContext) => _declared.Add(queryContext);

    /// <summary>
    /// Whether <paramref name="lambda" /> uses a parameter it does not declare, other than
    /// <paramref name="queryContext" /> (EF's query context, which every query lambda may read).
    /// </summary>
    public static bool UsesUnbound(LambdaExpression lambda, ParameterExpression queryContext)
    {
        var finder = new UnboundParameterFinder(queryContext);
        finder.Visit(lambda);
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
