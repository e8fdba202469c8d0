using System.Linq.Expressions;
using System.Reflection;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.ClientOperators;

/// <summary>
/// Prepares the arguments of an operator run on the client (its lambdas, a count, a value) for LINQ-to-Objects:
/// <c>EF.Property(e, "X")</c>, which only EF can run, becomes the member <c>e.X</c>; a LINQ operator EF wrote over an
/// in-memory sequence (<c>g.AsQueryable().Count()</c> over a group) becomes the <see cref="Enumerable" /> one, compiled
/// with the query instead of at each call. Query parameters stay, to be read from each execution's context. What
/// has no in-memory meaning (a shadow property, a query over another entity set) fails with the reason.
/// </summary>
public sealed class ClientLambdaRewriter : ExpressionVisitor
{
    /// <summary>Why the last rewrite failed, or null.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>The argument ready for LINQ-to-Objects, or null with <see cref="FailureReason" /> set.</summary>
    public Expression? Rewrite(Expression argument)
    {
        FailureReason = null;
        var rewritten = Visit(argument);
        return FailureReason is null ? rewritten : null;
    }

    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(EF)
            && node.Method.Name == nameof(EF.Property)
            && node.Arguments[1] is ConstantExpression { Value: string name })
        {
            var instance = Visit(node.Arguments[0]);
            var member = (MemberInfo?)instance.Type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                ?? instance.Type.GetField(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            if (member is null)
            {
                FailureReason ??= DynamoDbStrings.ClientOperatorShadowProperty(name, instance.Type.ShortDisplayName());
                return node;
            }

            var read = Expression.MakeMemberAccess(instance, member);
            return read.Type == node.Type ? read : Expression.Convert(read, node.Type);
        }

        if (node.Method.DeclaringType == typeof(Queryable) && node.Method.IsGenericMethod)
        {
            var arguments = node.Arguments.Select(a => Visit(a is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : a)).ToList();
            if (node.Method.Name == nameof(Queryable.AsQueryable))
            {
                return arguments[0];
            }

            var method = EnumerableCounterpart(node.Method);
            return Expression.Call(
                method,
                arguments.Select((a, i) => a.Type == method.GetParameters()[i].ParameterType ? a : Expression.Convert(a, method.GetParameters()[i].ParameterType)));
        }

        if (node.Method.DeclaringType == typeof(Queryable) && node.Method.Name == nameof(Queryable.AsQueryable))
        {
            return Visit(node.Arguments[0]);
        }

        return base.VisitMethodCall(node);
    }

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
    {
        // Anything else EF left in the tree (a query root, a navigation to materialize) has no in-memory meaning.
        if (node is not QueryParameterExpression)
        {
            FailureReason ??= DynamoDbStrings.ClientOperatorSubquery(node.Print());
        }

        return node;
    }

    // Queryable.X<…>(IQueryable<T>, Expression<Func<…>>…) → Enumerable.X<…>(IEnumerable<T>, Func<…>…).
    private static MethodInfo EnumerableCounterpart(MethodInfo queryableMethod)
    {
        var definition = queryableMethod.GetGenericMethodDefinition();
        var parameters = definition.GetParameters();
        var counterpart = typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m =>
            m.Name == definition.Name
            && m.IsGenericMethodDefinition
            && m.GetGenericArguments().Length == definition.GetGenericArguments().Length
            && m.GetParameters().Length == parameters.Length
            && m.GetParameters().Select(p => p.ParameterType).Zip(parameters, (e, q) => SameShape(e, InMemoryType(q.ParameterType))).All(same => same));
        return counterpart.MakeGenericMethod(queryableMethod.GetGenericArguments());
    }

    private static Type InMemoryType(Type queryableType)
    {
        if (!queryableType.IsGenericType)
        {
            return queryableType;
        }

        var definition = queryableType.GetGenericTypeDefinition();
        var arguments = queryableType.GetGenericArguments();
        return definition == typeof(IQueryable<>) ? typeof(IEnumerable<>).MakeGenericType(arguments)
            : definition == typeof(IOrderedQueryable<>) ? typeof(IOrderedEnumerable<>).MakeGenericType(arguments)
            : definition == typeof(Expression<>) ? arguments[0]
            : queryableType;
    }

    // Types of two generic method definitions match when they have the same shape, generic parameters by position.
    private static bool SameShape(Type enumerableType, Type queryableType)
    {
        if (enumerableType.IsGenericParameter || queryableType.IsGenericParameter)
        {
            return enumerableType.IsGenericParameter && queryableType.IsGenericParameter
                && enumerableType.GenericParameterPosition == queryableType.GenericParameterPosition;
        }

        if (enumerableType.IsGenericType != queryableType.IsGenericType)
        {
            return false;
        }

        return enumerableType.IsGenericType
            ? enumerableType.GetGenericTypeDefinition() == queryableType.GetGenericTypeDefinition()
                && enumerableType.GetGenericArguments().Zip(queryableType.GetGenericArguments(), SameShape).All(same => same)
            : enumerableType == queryableType;
    }
}
