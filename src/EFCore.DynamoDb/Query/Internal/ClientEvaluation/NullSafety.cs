using System.Linq.Expressions;

namespace EFCore.DynamoDb.Query.Internal.ClientEvaluation;

/// <summary>
/// The null propagation of a client-evaluated predicate, as EF's InMemory provider has it: a member or method of a
/// null instance is null (a value type's result becomes nullable), and the expressions around it are lifted to
/// accept that.
/// </summary>
internal static class NullSafety
{
    /// <summary>The nullable form of a value type (itself for reference and nullable types).</summary>
    public static Type MakeNullable(Type type)
        => type.IsValueType && Nullable.GetUnderlyingType(type) is null && type != typeof(void) ? typeof(Nullable<>).MakeGenericType(type) : type;

    /// <summary>True when values of the type can be null.</summary>
    public static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    /// <summary><paramref name="expression" /> as its nullable type.</summary>
    public static Expression ToNullable(Expression expression)
        => MakeNullable(expression.Type) == expression.Type ? expression : Expression.Convert(expression, MakeNullable(expression.Type));

    /// <summary>
    /// <paramref name="expression" /> (possibly lifted to nullable) back as <paramref name="type" />: a null boolean
    /// is false (a condition on null does not hold); another null value fails as .NET's own conversion does.
    /// </summary>
    public static Expression Restore(Expression expression, Type type)
    {
        if (expression.Type == type)
        {
            return expression;
        }

        if (type == typeof(bool) && expression.Type == typeof(bool?))
        {
            return Expression.Equal(expression, Expression.Constant(true, typeof(bool?)));
        }

        return Expression.Convert(expression, type);
    }

    /// <summary>
    /// <paramref name="access" /> of <paramref name="instance" />, or null when the instance is null: a reference or
    /// nullable instance is read once into a variable; a nullable one is passed on as its value.
    /// </summary>
    public static Expression Guard(Expression instance, Func<Expression, Expression> access, Expression? whenNull = null)
    {
        if (!CanBeNull(instance.Type) || instance is ConstantExpression { Value: not null })
        {
            return access(instance);
        }

        var variable = Expression.Variable(instance.Type, "instance");
        var isNullable = Nullable.GetUnderlyingType(instance.Type) is not null;
        var result = ToNullable(access(isNullable ? Expression.Call(variable, instance.Type.GetMethod(nameof(Nullable<int>.GetValueOrDefault), Type.EmptyTypes)!) : variable));
        whenNull = whenNull is null ? Expression.Default(result.Type) : Convert(whenNull, result.Type);
        return Expression.Block(
            result.Type,
            [variable],
            Expression.Assign(variable, instance),
            Expression.Condition(
                isNullable ? Expression.Not(Expression.Property(variable, nameof(Nullable<int>.HasValue))) : Expression.Equal(variable, Expression.Constant(null, instance.Type)),
                whenNull,
                result));
    }

    /// <summary>
    /// <paramref name="left" /> and <paramref name="right" /> of one type: when null propagation lifted one of them,
    /// both nullable.
    /// </summary>
    public static (Expression Left, Expression Right) Balance(Expression left, Expression right)
    {
        if (left.Type == right.Type)
        {
            return (left, right);
        }

        if (MakeNullable(left.Type) == MakeNullable(right.Type))
        {
            return (ToNullable(left), ToNullable(right));
        }

        return (left, right);
    }

    private static Expression Convert(Expression expression, Type type) => expression.Type == type ? expression : Expression.Convert(expression, type);
}
