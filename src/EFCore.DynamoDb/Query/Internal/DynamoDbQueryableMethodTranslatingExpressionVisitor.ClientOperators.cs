using System.Linq.Expressions;
using EFCore.DynamoDb.Query.Internal.ClientOperators;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbQueryableMethodTranslatingExpressionVisitor
{
    // What DynamoDB cannot express runs on the client over the shaped results of the query's DynamoDB read(s): the
    // operator becomes its LINQ-to-Objects counterpart, and so does every operator after it. The read itself stays as
    // translated (the same request, the same access path).

    private static bool IsClient(ShapedQueryExpression source) => source.QueryExpression is ClientOperatorsExpression;

    // The client part of a query: its own when it has one, else a new one over its DynamoDB read.
    private static ClientOperatorsExpression ToClient(ShapedQueryExpression source)
    {
        if (source.QueryExpression is ClientOperatorsExpression client)
        {
            return client;
        }

        var rows = Expression.Parameter(typeof(IEnumerable<>).MakeGenericType(source.ShaperExpression.Type), "rows");
        return new ClientOperatorsExpression([source], [rows], rows, []);
    }

    // A number, text, date… holds no entity: a query with such a result does not track the entities it read.
    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid);
    }

    private static Type ElementType(ClientOperatorsExpression client) => ElementTypeOf(client.Body.Type);

    private static Type ElementTypeOf(Type sequenceType)
        => sequenceType.IsGenericType && sequenceType.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? sequenceType.GetGenericArguments()[0]
            : sequenceType.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];

    // Applies Enumerable.<name> to the query's results on the client. A sequence operator's results are the query's;
    // a single-result operator's value becomes the query's one result.
    private ShapedQueryExpression? Client(
        ShapedQueryExpression source,
        string name,
        bool singleResult,
        Func<Type, Type[]?> typeArguments,
        params Expression?[] arguments)
    {
        var client = ToClient(source);
        var callArguments = new List<Expression> { client.Body };
        // A Select may be the query's final projection, where EF runs the application's methods too.
        var rewriter = new ClientLambdaRewriter(QueryCompilationContext.Model, insideProjection: name == nameof(Queryable.Select));
        foreach (var argument in arguments)
        {
            if (argument is null)
            {
                continue;
            }

            if (rewriter.Rewrite(argument) is not { } rewritten)
            {
                return Fail(rewriter.FailureReason);
            }

            callArguments.Add(rewritten);
        }

        Expression body = Expression.Call(typeof(Enumerable), name, typeArguments(ElementType(client)), [.. callArguments]);
        if (singleResult)
        {
            body = Expression.NewArrayInit(body.Type, body);
        }

        var result = new ShapedQueryExpression(client.WithBody(body, name), new ClientElementExpression(ElementTypeOf(body.Type)));
        if (singleResult && !_subquery && QueryCompilationContext is DynamoDbQueryCompilationContext context)
        {
            context.ResultIsClientScalar = IsScalar(ElementTypeOf(body.Type));
        }

        return singleResult ? result.UpdateResultCardinality(ResultCardinality.Single) : result;
    }

    private ShapedQueryExpression? Client(ShapedQueryExpression source, string name, params Expression?[] arguments)
        => Client(source, name, singleResult: false, t => [t], arguments);

    private ShapedQueryExpression? ClientSingle(ShapedQueryExpression source, string name, params Expression?[] arguments)
        => Client(source, name, singleResult: true, t => [t], arguments);

    private ShapedQueryExpression? ClientWithSelector(ShapedQueryExpression source, string name, bool singleResult, LambdaExpression selector)
        => Client(source, name, singleResult, t => [t, selector.ReturnType], selector);

    // GroupBy(o => new Key { A = o.A, B = o.B }) with a key class that has no value equality of its own: grouped by the
    // values of the members it sets, as a database groups by the columns the key is built from.
    private static ConstantExpression? GroupingKeyComparer(LambdaExpression keySelector)
    {
        var keyType = keySelector.ReturnType;
        var members = keySelector.Body switch
        {
            MemberInitExpression init when init.Bindings.All(b => b is MemberAssignment) => init.Bindings.Select(b => b.Member).ToList(),
            NewExpression { Members: { Count: > 0 } newMembers } => [.. newMembers],
            _ => null,
        };
        if (members is null || keyType.IsValueType || HasValueEquality(keyType))
        {
            return null;
        }

        var comparerType = typeof(MemberValuesEqualityComparer<>).MakeGenericType(keyType);
        return Expression.Constant(
            Activator.CreateInstance(comparerType, members),
            typeof(IEqualityComparer<>).MakeGenericType(keyType));

        static bool HasValueEquality(Type type)
            => type.GetMethod(nameof(Equals), [typeof(object)])!.DeclaringType != typeof(object);
    }

    // Union, Concat, Intersect, Except: each side reads DynamoDB with its own request(s); the results are combined on
    // the client with LINQ's semantics (Union, Intersect and Except drop duplicates).
    private ShapedQueryExpression? ClientSetOperation(ShapedQueryExpression source1, ShapedQueryExpression source2, string name)
    {
        var first = ToClient(source1);
        var second = ToClient(source2);
        var elementType = ElementType(first);
        var secondBody = ElementType(second) == elementType
            ? second.Body
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Cast), [elementType], second.Body);
        var combined = new ClientOperatorsExpression(
            [.. first.Sources, .. second.Sources],
            [.. first.SourceParameters, .. second.SourceParameters],
            Expression.Call(typeof(Enumerable), name, [elementType], first.Body, secondBody),
            [.. first.Operators, .. second.Operators, name],
            [.. first.Lookups, .. second.Lookups]);
        return new ShapedQueryExpression(combined, new ClientElementExpression(elementType));
    }

    // Count, LongCount, Any (with their predicate), Min, Max, Sum, Average: LINQ's own, with its rules for empty
    // sequences, nulls and overflow. Sum and Average have an overload per number type, not a generic one.
    private ShapedQueryExpression? ClientAggregate(ShapedQueryExpression source, DynamoDbAggregate aggregate, LambdaExpression? predicate)
        => Client(source, aggregate.ToString(), singleResult: true, t => aggregate is DynamoDbAggregate.Sum or DynamoDbAggregate.Average ? null : [t], predicate);

    // All(p) once its rows are those failing p (a Where(!p) that ran on the client): true when none is left.
    private ShapedQueryExpression ClientNoneLeft(ShapedQueryExpression failing)
    {
        var client = ToClient(failing);
        var none = Expression.Not(Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [ElementType(client)], client.Body));
        if (!_subquery && QueryCompilationContext is DynamoDbQueryCompilationContext context)
        {
            context.ResultIsClientScalar = true;
        }

        return new ShapedQueryExpression(client.WithBody(Expression.NewArrayInit(typeof(bool), none), nameof(Queryable.All)), new ClientElementExpression(typeof(bool)))
            .UpdateResultCardinality(ResultCardinality.Single);
    }

    // OrderBy(o => o.Name.Length) on the client: a member or method of a missing value orders as null (first,
    // ascending), as the key would in EF's other providers, rather than throwing.
    private ShapedQueryExpression? ClientOrdering(ShapedQueryExpression source, string name, LambdaExpression keySelector)
    {
        var instance = keySelector.Body switch
        {
            MemberExpression { Expression: MemberExpression { Type.IsValueType: false } member } => member,
            MethodCallExpression { Object: MemberExpression { Type.IsValueType: false } member } => member,
            _ => null,
        };
        if (instance is not null && keySelector.Body.Type.IsValueType && Nullable.GetUnderlyingType(keySelector.Body.Type) is null)
        {
            var nullableType = typeof(Nullable<>).MakeGenericType(keySelector.Body.Type);
            keySelector = Expression.Lambda(
                Expression.Condition(
                    Expression.Equal(instance, Expression.Constant(null, instance.Type)),
                    Expression.Constant(null, nullableType),
                    Expression.Convert(keySelector.Body, nullableType)),
                keySelector.Parameters);
        }

        return ClientWithSelector(source, name, singleResult: false, keySelector);
    }
}
