using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.Lookups;

/// <summary>
/// Finds the <see cref="CorrelatedSubquery" />s of a lambda over the outer rows: LINQ operator chains (and EF's
/// <see cref="MaterializeCollectionNavigationExpression" />s) that start from another entity set and whose first
/// operator reading the outer row is a <c>Where</c> equating an inner key with an outer one. Other subqueries are left
/// as they are (they fail translation with their reason).
/// </summary>
public sealed class CorrelatedSubqueryFinder(ParameterExpression outer) : ExpressionVisitor
{
    private readonly List<CorrelatedSubquery> _found = [];

    /// <summary>The correlated subqueries of <paramref name="body" />, outermost first.</summary>
    public IReadOnlyList<CorrelatedSubquery> Find(Expression body)
    {
        _found.Clear();
        Visit(body);
        return [.. _found];
    }

    /// <summary>Whether <paramref name="expression" /> reads the outer row.</summary>
    public bool ReadsOuter(Expression expression) => Reads(expression, outer);

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
    {
        if (node is MaterializeCollectionNavigationExpression navigation && TryMatch(navigation.Subquery, navigation) is { } found)
        {
            _found.Add(found);
            return node;
        }

        return base.VisitExtension(node);
    }

    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (TryMatch(node, node) is { } found)
        {
            _found.Add(found);
            return node;
        }

        return base.VisitMethodCall(node);
    }

    private CorrelatedSubquery? TryMatch(Expression chain, Expression whole)
    {
        // Down the chain of operators to the first one that reads the outer row.
        var above = new List<MethodCallExpression>();
        var current = chain;
        while (current is MethodCallExpression { Method.DeclaringType: var type } call
            && (type == typeof(Queryable) || type == typeof(Enumerable))
            && call.Arguments.Count > 0)
        {
            var source = call.Arguments[0];
            if (!Reads(source, outer))
            {
                return call.Method.Name == nameof(Queryable.Where) && IsEntitySet(source)
                    ? Correlate(call, FiltersAbove(above), source, whole)
                    : null;
            }

            above.Add(call);
            current = source;
        }

        return null;
    }

    // c.Orders.Where(o => o.OrderID > 11000): the Wheres right after the correlation that read only the inner row
    // belong to the lookup, so that it reads (and a tracking query tracks) only the rows they keep.
    private List<MethodCallExpression> FiltersAbove(List<MethodCallExpression> above)
    {
        var filters = new List<MethodCallExpression>();
        for (var i = above.Count - 1; i >= 0; i--)
        {
            if (above[i].Method.Name != nameof(Queryable.Where)
                || Unquote(above[i].Arguments[1]) is not { Parameters.Count: 1 } predicate
                || Reads(predicate.Body, outer))
            {
                break;
            }

            filters.Add(above[i]);
        }

        return filters;
    }

    private CorrelatedSubquery? Correlate(MethodCallExpression where, List<MethodCallExpression> filters, Expression inner, Expression whole)
    {
        var predicate = Unquote(where.Arguments[1]);
        var innerParameter = predicate.Parameters[0];
        Expression? innerKey = null;
        Expression? outerKey = null;
        var rest = new List<Expression>();
        foreach (var filter in filters)
        {
            var filterPredicate = Unquote(filter.Arguments[1]);
            rest.Add(ReplacingExpressionVisitor.Replace(filterPredicate.Parameters[0], innerParameter, filterPredicate.Body));
        }

        foreach (var conjunct in Conjuncts(predicate.Body))
        {
            var readsOuter = Reads(conjunct, outer);
            var readsInner = Reads(conjunct, innerParameter);
            if (readsOuter && !readsInner)
            {
                // `c.CustomerID != null`, EF's guard: a null key correlates with nothing anyway.
                if (conjunct is BinaryExpression { NodeType: ExpressionType.NotEqual } or UnaryExpression { NodeType: ExpressionType.Not })
                {
                    continue;
                }

                return null;
            }

            if (readsOuter && innerKey is null && TryEquality(conjunct, innerParameter, out var i, out var o))
            {
                innerKey = i;
                outerKey = o;
                continue;
            }

            if (readsOuter)
            {
                return null;
            }

            rest.Add(conjunct);
        }

        if (innerKey is null || outerKey is null)
        {
            return null;
        }

        // One key type for both sides: the nullable form, as a null outer key is possible.
        var keyType = innerKey.Type.IsValueType && Nullable.GetUnderlyingType(innerKey.Type) is null
            ? typeof(Nullable<>).MakeGenericType(innerKey.Type)
            : innerKey.Type;
        if ((Nullable.GetUnderlyingType(outerKey.Type) ?? outerKey.Type) != (Nullable.GetUnderlyingType(keyType) ?? keyType))
        {
            return null;
        }

        return new CorrelatedSubquery(
            whole,
            filters.Count == 0 ? where : filters[^1],
            inner,
            Expression.Lambda(Convert(innerKey, keyType), innerParameter),
            Convert(outerKey, keyType),
            rest.Count == 0 ? null : Expression.Lambda(rest.Aggregate(Expression.AndAlso), innerParameter));
    }

    private bool TryEquality(Expression conjunct, ParameterExpression innerParameter, out Expression innerKey, out Expression outerKey)
    {
        (Expression Left, Expression Right)? operands = conjunct switch
        {
            BinaryExpression { NodeType: ExpressionType.Equal } equal => (equal.Left, equal.Right),
            MethodCallExpression { Method.Name: nameof(object.Equals), Object: null, Arguments.Count: 2 } equals => (equals.Arguments[0], equals.Arguments[1]),
            _ => null,
        };
        innerKey = outerKey = null!;
        if (operands is not { } pair)
        {
            return false;
        }

        var left = StripConvert(pair.Left);
        var right = StripConvert(pair.Right);
        if (Reads(left, innerParameter) && !Reads(left, outer) && Reads(right, outer) && !Reads(right, innerParameter))
        {
            (innerKey, outerKey) = (left, right);
            return true;
        }

        if (Reads(right, innerParameter) && !Reads(right, outer) && Reads(left, outer) && !Reads(left, innerParameter))
        {
            (innerKey, outerKey) = (right, left);
            return true;
        }

        return false;
    }

    private static bool IsEntitySet(Expression source)
        => source is EntityQueryRootExpression
            || (source is MethodCallExpression { Method.DeclaringType: var type } call
                && (type == typeof(Queryable) || type == typeof(Enumerable))
                && call.Arguments.Count > 0
                && IsEntitySet(call.Arguments[0]));

    private static IEnumerable<Expression> Conjuncts(Expression expression)
        => expression is BinaryExpression { NodeType: ExpressionType.AndAlso } and
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : [expression];

    private static LambdaExpression Unquote(Expression expression)
        => (LambdaExpression)(expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression);

    private static Expression StripConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    private static Expression Convert(Expression expression, Type type) => expression.Type == type ? expression : Expression.Convert(expression, type);

    private static bool Reads(Expression expression, ParameterExpression parameter)
    {
        var finder = new ParameterFinder(parameter);
        finder.Visit(expression);
        return finder.Found;
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == parameter;
            return node;
        }
    }
}
