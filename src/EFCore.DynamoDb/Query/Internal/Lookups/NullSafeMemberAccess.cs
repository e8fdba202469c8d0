using System.Linq.Expressions;

namespace EFCore.DynamoDb.Query.Internal.Lookups;

/// <summary>
/// Makes a join key null-propagating, as a key is in EF's other providers: after a LeftJoin the inner entity of a row may
/// be missing, and the key read from it (<c>ti.Inner.ReportsTo</c>, a chain of navigations) is then null, which joins
/// nothing, instead of failing with a NullReferenceException on the client. A value-typed key becomes nullable.
/// </summary>
public sealed class NullSafeMemberAccess : ExpressionVisitor
{
    /// <summary>The key selector, null-propagating; its return type is nullable when a missing entity can make it null.</summary>
    public static LambdaExpression Rewrite(LambdaExpression keySelector)
    {
        var body = new NullSafeMemberAccess().Visit(keySelector.Body);
        return body == keySelector.Body ? keySelector : Expression.Lambda(body, keySelector.Parameters);
    }

    /// <inheritdoc />
    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is null)
        {
            return node;
        }

        var instance = Visit(node.Expression);
        if (instance.Type.IsValueType || instance is ParameterExpression)
        {
            return node.Update(instance);
        }

        var type = Nullable(node.Type);
        return Expression.Condition(
            Expression.Equal(instance, Expression.Constant(null, instance.Type)),
            Expression.Constant(null, type),
            Convert(node.Update(instance), type));
    }

    /// <inheritdoc />
    protected override Expression VisitUnary(UnaryExpression node)
    {
        // (object)ti.Inner.OrderID and (int?)ti.Inner.OrderID: the conversion of a key that may now be null.
        var operand = Visit(node.Operand);
        if (operand == node.Operand)
        {
            return node;
        }

        return node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked
            ? Expression.Convert(operand, Nullable(node.Type))
            : node.Update(operand);
    }

    /// <summary>The type, nullable when it is a value type.</summary>
    public static Type Nullable(Type type) => type.IsValueType && System.Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;

    private static Expression Convert(Expression expression, Type type) => expression.Type == type ? expression : Expression.Convert(expression, type);
}
