using System.Linq.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// <c>a.Equals(b)</c> and <c>Equals(a, b)</c> through <see cref="object" /> compare boxed values, and a boxed
/// <c>int</c> never equals a boxed <c>long</c>: EF's rule is that such a comparison of two different CLR types
/// (nullable or not) is false, where DynamoDB would compare the numbers. This visitor writes it as the constant
/// <c>false</c> (and simplifies the <c>&amp;&amp;</c>, <c>||</c> and <c>!</c> around it), so a query filtered by it
/// sends nothing.
/// </summary>
public sealed class MismatchedEqualsRewriter : ExpressionVisitor
{
    private static readonly ConstantExpression False = Expression.Constant(false);
    private static readonly ConstantExpression True = Expression.Constant(true);

    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = base.VisitMethodCall(node);
        if (visited is not MethodCallExpression { Method.Name: nameof(Equals) } call || call.Method.ReturnType != typeof(bool))
        {
            return visited;
        }

        var parameters = call.Method.GetParameters();
        (Expression Left, Expression Right)? operands = call switch
        {
            { Object: { } instance, Arguments: [var argument] } when parameters[0].ParameterType == typeof(object) => (instance, argument),
            { Object: null, Arguments: [var left, var right] } when call.Method.DeclaringType == typeof(object) => (left, right),
            _ => null,
        };
        return operands is var (l, r) && AreDifferentTypes(Unbox(l), Unbox(r)) ? False : call;
    }

    /// <inheritdoc />
    protected override Expression VisitBinary(BinaryExpression node)
    {
        var visited = base.VisitBinary(node);
        if (visited is not BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } logical)
        {
            return visited;
        }

        var isAnd = logical.NodeType == ExpressionType.AndAlso;
        foreach (var (side, other) in new[] { (logical.Left, logical.Right), (logical.Right, logical.Left) })
        {
            if (side is ConstantExpression { Value: bool value })
            {
                // false && x is false, true && x is x; true || x is true, false || x is x.
                return value == isAnd ? other : value ? True : False;
            }
        }

        return logical;
    }

    /// <inheritdoc />
    protected override Expression VisitUnary(UnaryExpression node)
    {
        var visited = base.VisitUnary(node);
        return visited is UnaryExpression { NodeType: ExpressionType.Not, Operand: ConstantExpression { Value: bool value } } ? Expression.Constant(!value) : visited;
    }

    // The operand as written, before C# boxed it to object.
    private static Expression Unbox(Expression expression)
        => expression is UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand } && expression.Type == typeof(object) ? operand : expression;

    // Two known types that differ once nullability is set aside; a null literal or an object has no type to compare.
    private static bool AreDifferentTypes(Expression left, Expression right)
        => left.Type != typeof(object) && right.Type != typeof(object)
            && left is not ConstantExpression { Value: null } && right is not ConstantExpression { Value: null }
            && (Nullable.GetUnderlyingType(left.Type) ?? left.Type) != (Nullable.GetUnderlyingType(right.Type) ?? right.Type);
}
