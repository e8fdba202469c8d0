using System.Linq.Expressions;
using System.Reflection;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.Lookups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.ClientOperators;

/// <summary>
/// Prepares the arguments of an operator run on the client (its lambdas, a count, a value) for LINQ-to-Objects:
/// <c>EF.Property(e, "X")</c>, which only EF can run, becomes the member <c>e.X</c>; a LINQ operator EF wrote over an
/// in-memory sequence (<c>g.AsQueryable().Count()</c> over a group, <c>new[] { e.A, e.B }.Concat(…)</c>) becomes the
/// <see cref="Enumerable" /> one, compiled with the query instead of at each call. Query parameters stay, to be read
/// from each execution's context. What has no in-memory meaning (a shadow property, a query over another entity
/// set) fails with the reason. Inside a projection (<paramref name="insideProjection" />), the provider's attribute
/// reads and shapers are left for the shaper's compilation. A member the model does not map (<c>c.IsLondon</c>) fails
/// as in EF's other providers, except in the final projection itself, where EF runs it on the materialized entity.
/// </summary>
public sealed class ClientLambdaRewriter(IReadOnlyModel model, bool insideProjection = false) : ExpressionVisitor
{
    // How many LINQ operators the visit is inside: their lambdas are query, not the final projection.
    private int _operatorDepth;

    private readonly HashSet<ConditionalExpression> _nullSafeReads = [];
    private bool _failed;

    /// <summary>Why the last rewrite failed; null when EF's standard "could not be translated" says it all.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>The argument ready for LINQ-to-Objects, or null when it cannot run on the client.</summary>
    public Expression? Rewrite(Expression argument)
    {
        FailureReason = null;
        _failed = false;
        var rewritten = Visit(argument);
        return _failed ? null : rewritten;
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
                Fail(DynamoDbStrings.ClientOperatorShadowProperty(name, instance.Type.ShortDisplayName()));
                return node;
            }

            var read = Expression.MakeMemberAccess(instance, member);
            return read.Type == node.Type ? read : Expression.Convert(read, node.Type);
        }

        if (node.Method.DeclaringType == typeof(Enumerable))
        {
            _operatorDepth++;
            var call = base.VisitMethodCall(node);
            _operatorDepth--;
            return call;
        }

        if (node.Method.DeclaringType == typeof(Queryable))
        {
            _operatorDepth++;
            var arguments = node.Arguments.Select(a => Visit(a is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : a)).ToList();
            _operatorDepth--;
            if (node.Method.Name == nameof(Queryable.AsQueryable))
            {
                return arguments[0];
            }

            var method = EnumerableCounterpart(node.Method);
            return Expression.Call(
                method,
                arguments.Select((a, i) => a.Type == method.GetParameters()[i].ParameterType ? a : Expression.Convert(a, method.GetParameters()[i].ParameterType)));
        }

        // p.OrderDetails.Contains(detail) of a composite-key entity: an object comparison, which EF refuses too
        // (it compares entities by key, and not by a composite one in a subquery).
        if (!insideProjection && node.Method.Name == nameof(Enumerable.Contains)
            && (node.Method.DeclaringType == typeof(Enumerable) || node.Method.DeclaringType == typeof(Queryable))
            && model.FindEntityType(node.Arguments[^1].Type)?.FindPrimaryKey() is { Properties.Count: > 1 }
            && !IsNull(node.Arguments[^1]))
        {
            Fail(DynamoDbStrings.ClientEntityComparison(node.Print()));
            return node;
        }

        // c.Orders.Exists(…): EF translates no List method (Any is the operator it knows).
        if (!insideProjection && node.Method.Name == nameof(List<int>.Exists)
            && node.Method.DeclaringType is { IsGenericType: true } listType && listType.GetGenericTypeDefinition() == typeof(List<>))
        {
            Fail(DynamoDbStrings.ClientListExists(node.Print()));
            return node;
        }

        // EF's boundary: an operator's lambdas may use what EF knows (.NET's own methods), not the application's
        // methods, which EF never runs inside a query; only the final projection may (EF's client projection).
        // The provider's own helpers (a correlated subquery's looked-up rows) are part of the translation, not the application's.
        if (!insideProjection
            && node.Method.DeclaringType?.Namespace?.StartsWith(nameof(System), StringComparison.Ordinal) != true
            && node.Method.DeclaringType?.Assembly != typeof(ClientLambdaRewriter).Assembly)
        {
            _failed = true;
            return node;
        }

        return base.VisitMethodCall(node);
    }

    /// <inheritdoc />
    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        // A body that was a query (c => c.Orders, an IQueryable) is now a sequence: the lambda's type follows it.
        var body = Visit(node.Body);
        return body == node.Body ? node : Expression.Lambda(body, node.Name, node.TailCall, node.Parameters);
    }

    /// <inheritdoc />
    protected override Expression VisitMember(MemberExpression node)
    {
        // o.Customer.City where a lookup found no customer (a LeftJoin, an optional navigation): null (a value type's
        // default, as EF's expected results null-protect them) rather than a NullReferenceException on the client.
        if ((!insideProjection || _operatorDepth > 0)
            && node is { Expression: { } owner, Member: PropertyInfo or FieldInfo }
            && model.FindEntityType(owner.Type) is { } entityType
            && entityType.FindProperty(node.Member.Name) is null
            && entityType.FindNavigation(node.Member.Name) is null
            && entityType.FindSkipNavigation(node.Member.Name) is null
            && entityType.FindComplexProperty(node.Member.Name) is null)
        {
            Fail(CoreStrings.QueryUnableToTranslateMember(node.Member.Name, entityType.DisplayName()));
            return node;
        }

        // x.OrderID of a missing row (after DefaultIfEmpty) fails as in EF's other providers, which read a null into
        // a non-nullable value ("Nullable object must have a value."), not with a NullReferenceException.
        if ((!insideProjection || _operatorDepth > 0)
            && node is { Expression: ParameterExpression row, Type: { IsValueType: true } valueType }
            && System.Nullable.GetUnderlyingType(valueType) is null
            && model.FindEntityType(row.Type) is not null)
        {
            var nullableType = typeof(Nullable<>).MakeGenericType(valueType);
            return Expression.Condition(
                Expression.Equal(row, Expression.Constant(null, row.Type)),
                Expression.Convert(Expression.Default(nullableType), valueType),
                node);
        }

        var visited = base.VisitMember(node);
        if (visited is MemberExpression { Expression: MemberExpression { Type.IsValueType: false } instance } member
            && instance.Type != typeof(string)
            && instance.Expression is not ConstantExpression)
        {
            var nullSafe = Expression.Condition(
                Expression.Equal(instance, Expression.Constant(null, instance.Type)),
                Expression.Default(member.Type),
                member);
            _nullSafeReads.Add(nullSafe);
            return nullSafe;
        }

        return visited;
    }

    /// <inheritdoc />
    protected override Expression VisitBinary(BinaryExpression node)
    {
        // o == otherEntity on the client would compare objects, where EF compares keys: refused rather than answered
        // differently. A comparison with null is the same either way.
        if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual
            && node.Method is null
            && !IsNull(node.Left)
            && !IsNull(node.Right)
            && (IsEntityOrEntities(node.Left.Type) || IsEntityOrEntities(node.Right.Type))
            && (IsEntities(node.Left.Type) || IsEntities(node.Right.Type) || IsConstructed(node.Left) || IsConstructed(node.Right)))
        {
            Fail(DynamoDbStrings.ClientEntityComparison(node.Print()));
            return node;
        }

        return base.VisitBinary(node);
    }

    private static bool IsNull(Expression expression)
        => expression is ConstantExpression { Value: null } or DefaultExpression
            || expression is UnaryExpression { NodeType: ExpressionType.Convert, Operand: ConstantExpression { Value: null } };

    // An entity the query builds itself (new Order { OrderID = 1 }) is never the object a read returned, which in a
    // tracking query is the one instance per key that EF's comparison by key would also match.
    private static bool IsConstructed(Expression expression)
        => expression is MemberInitExpression or NewExpression
            || expression is UnaryExpression { NodeType: ExpressionType.Convert } convert && IsConstructed(convert.Operand);

    private bool IsEntities(Type type) => IsEntityOrEntities(type) && model.FindEntityType(type) is null;

    private bool IsEntityOrEntities(Type type)
        => model.FindEntityType(type) is not null
            || (type != typeof(string) && type.GetInterfaces().Append(type).Any(i => i.IsGenericType
                && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                && model.FindEntityType(i.GetGenericArguments()[0]) is not null));

    /// <inheritdoc />
    protected override Expression VisitUnary(UnaryExpression node)
    {
        // (int?)o.OrderID and (object)o.OrderID over a missing entity: null, as in EF's other providers (and the
        // null-protected expected results), not the value type's default the bare read falls back to.
        var operand = Visit(node.Operand);
        if (node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked
            && operand is ConditionalExpression read
            && _nullSafeReads.Contains(read)
            && (!node.Type.IsValueType || System.Nullable.GetUnderlyingType(node.Type) is not null))
        {
            return Expression.Condition(read.Test, Expression.Constant(null, node.Type), node.Update(read.IfFalse));
        }

        return node.Update(operand);
    }

    private void Fail(string reason)
    {
        _failed = true;
        FailureReason ??= reason;
    }

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
    {
        switch (node)
        {
            case QueryParameterExpression:
                return node;

            // new[] { e.A, e.B } and a parameter collection, which EF made query roots of: the values themselves.
            case InlineQueryRootExpression inline:
                return Expression.NewArrayInit(inline.ElementType, inline.Values.Select(v => Convert(Visit(v), inline.ElementType)));
            case ParameterQueryRootExpression { QueryParameterExpression: { } parameter }:
                return parameter;

            // Another entity set, or a navigation to one: items of another query.
            case QueryRootExpression or MaterializeCollectionNavigationExpression:
                Fail(DynamoDbStrings.SubqueryNotSupported(node.Print()));
                return node;

            // Include(o => o.Customer) after the join that looked the customer up: the navigation is set on each row.
            case IncludeExpression { Navigation: INavigation { IsCollection: false, ForeignKey.IsOwnership: false } navigation } include:
                return Expression.Call(
                    LookupNavigationLoader.IncludeReferenceMethod.MakeGenericMethod(include.Type),
                    QueryCompilationContext.QueryContextParameter,
                    Visit(include.EntityExpression),
                    Expression.Convert(Visit(include.NavigationExpression), typeof(object)),
                    Expression.Constant(navigation),
                    Expression.Constant(include.SetLoaded));

            // Include(c => c.Orders): the collection is filled with the outer row's looked-up dependents.
            case IncludeExpression { Navigation: INavigation { IsCollection: true, ForeignKey.IsOwnership: false } collection } include:
                var elementType = collection.TargetEntityType.ClrType;
                return Expression.Call(
                    LookupNavigationLoader.IncludeCollectionMethod.MakeGenericMethod(include.Type, elementType),
                    QueryCompilationContext.QueryContextParameter,
                    Visit(include.EntityExpression),
                    Convert(Visit(include.NavigationExpression), typeof(IEnumerable<>).MakeGenericType(elementType)),
                    Expression.Constant(collection),
                    Expression.Constant(include.SetLoaded));

            // The provider's own nodes of a projection (attribute reads, entity shapers) are compiled with it.
            default:
                if (!insideProjection)
                {
                    Fail(DynamoDbStrings.SubqueryNotSupported(node.Print()));
                    return node;
                }

                return base.VisitExtension(node);
        }
    }

    private static Expression Convert(Expression value, Type type) => value.Type == type ? value : Expression.Convert(value, type);

    // Queryable.X<…>(IQueryable<T>, Expression<Func<…>>…) → Enumerable.X<…>(IEnumerable<T>, Func<…>…), and the same
    // for the overloads of one number type (Sum(IQueryable<decimal>)).
    private static MethodInfo EnumerableCounterpart(MethodInfo queryableMethod)
    {
        if (!queryableMethod.IsGenericMethod)
        {
            return typeof(Enumerable).GetMethod(
                queryableMethod.Name,
                queryableMethod.GetParameters().Select(p => InMemoryType(p.ParameterType)).ToArray())!;
        }

        var definition = queryableMethod.GetGenericMethodDefinition();
        var parameters = definition.GetParameters();
        var counterpart = typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m =>
            m.Name == definition.Name
            && m.IsGenericMethodDefinition
            && m.GetGenericArguments().Length == definition.GetGenericArguments().Length
            && m.GetParameters().Length == parameters.Length
            && m.GetParameters().Select(p => p.ParameterType).Zip(parameters, (e, q) => SameShape(e, InMemoryType(q.ParameterType))).All(same => same));
        // Select(o => o.OrderDetails.Select(…)) returns IQueryables EF wrote: in memory they are sequences.
        return counterpart.MakeGenericMethod(queryableMethod.GetGenericArguments().Select(InMemoryType).ToArray());
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
