using System.Linq.Expressions;
using EFCore.DynamoDb.Query.Internal.ClientOperators;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Query.Internal.Lookups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbQueryableMethodTranslatingExpressionVisitor
{
    // DynamoDB has no joins, but cheap key lookups: Join and LeftJoin (which EF's navigation expansion writes for
    // o.Customer.City and Include(o => o.Customer)) read the outer side as translated, then the inner side only for
    // the distinct join keys the outer rows hold (`key IN (…)`: a BatchGetItem on the inner table's primary key, else
    // one Scan with the scan warning), and join the two on the client with LINQ's semantics, which are EF's: a null
    // key matches nothing, every match is a row, the outer order is kept.
    private ShapedQueryExpression? TranslateLookupJoin(
        ShapedQueryExpression outer,
        ShapedQueryExpression inner,
        LambdaExpression outerKeySelector,
        LambdaExpression innerKeySelector,
        LambdaExpression resultSelector,
        string name)
    {
        var outerKeyRewriter = new ClientLambdaRewriter(QueryCompilationContext.Model);
        var innerKeyRewriter = new ClientLambdaRewriter(QueryCompilationContext.Model);
        var resultRewriter = new ClientLambdaRewriter(QueryCompilationContext.Model, insideProjection: true);
        if (outerKeyRewriter.Rewrite(outerKeySelector) is not LambdaExpression outerKey
            || innerKeyRewriter.Rewrite(innerKeySelector) is not LambdaExpression innerKey
            || resultRewriter.Rewrite(resultSelector) is not LambdaExpression result)
        {
            return Fail(outerKeyRewriter.FailureReason ?? innerKeyRewriter.FailureReason ?? resultRewriter.FailureReason);
        }

        // The keys of both sides as one null-propagating type (a missing entity after a LeftJoin has a null key).
        outerKey = NullSafeMemberAccess.Rewrite(outerKey);
        innerKey = NullSafeMemberAccess.Rewrite(innerKey);
        if (outerKey.ReturnType != innerKey.ReturnType)
        {
            var keyType = NullSafeMemberAccess.Nullable(outerKey.ReturnType);
            outerKey = Expression.Lambda(Expression.Convert(outerKey.Body, keyType), outerKey.Parameters);
            innerKey = Expression.Lambda(Expression.Convert(innerKey.Body, keyType), innerKey.Parameters);
        }

        var outerClient = ToClient(outer);
        var innerIsRead = !IsClient(inner);
        var innerClient = ToClient(inner);
        // Unique in the query: every lookup of a query ends up in one client part, after the ones of its two sides.
        var parameterName = "__lookup_" + (outerClient.Lookups.Count + innerClient.Lookups.Count);
        var lookup = innerIsRead ? LookUpByKey(outerClient, inner, innerClient.SourceParameters[0], innerKeySelector, outerKey, parameterName, name) : null;
        var body = Expression.Call(
            typeof(Enumerable),
            name,
            [ElementType(outerClient), ElementType(innerClient), outerKey.ReturnType, result.ReturnType],
            outerClient.Body,
            innerClient.Body,
            outerKey,
            innerKey,
            result);
        var joined = new ClientOperatorsExpression(
            [.. outerClient.Sources, .. innerClient.Sources],
            [.. outerClient.SourceParameters, .. innerClient.SourceParameters],
            body,
            [.. outerClient.Operators, .. innerClient.Operators, name],
            [.. outerClient.Lookups, .. innerClient.Lookups, .. lookup is null ? Array.Empty<ClientLookup>() : [lookup]]);
        return new ShapedQueryExpression(joined, new ClientElementExpression(result.ReturnType));
    }

    // The inner read asks only for the outer rows' keys when its join key is one of its attributes and nothing after
    // the read (a row limit, Distinct) would change which items the keys select; otherwise it is read as translated,
    // and the join still happens on the client.
    private static ClientLookup? LookUpByKey(
        ClientOperatorsExpression outerClient,
        ShapedQueryExpression inner,
        ParameterExpression innerRows,
        LambdaExpression innerKeySelector,
        LambdaExpression outerKey,
        string parameterName,
        string operatorName)
    {
        if (Query(inner) is not { HasRowLimits: false, IsDistinct: false, PartiQL: null, MatchesNothing: false } query)
        {
            return null;
        }

        var keyBody = RemapLambdaBody(inner, innerKeySelector);
        while (keyBody is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            keyBody = convert.Operand;
        }

        if (CreatePredicateTranslator(query, innerKeySelector).TranslateProperty(keyBody) is not { } property)
        {
            return null;
        }

        query.ApplyPredicate(new InCondition(property, QueryValue.FromParameter(parameterName)));
        var keys = Expression.Call(
            LookupKeys.DistinctMethod.MakeGenericMethod(outerKey.ReturnType),
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [ElementType(outerClient), outerKey.ReturnType], outerClient.Body, outerKey));
        return new ClientLookup(
            innerRows,
            parameterName,
            keys,
            $"'{query.EntityType.DisplayName()}' by '{property.Name}' ({operatorName})",
            property == query.EntityType.GetPartitionKeyProperty() ? ItemCollectionOf(outerClient, outerKey) : null);
    }

    // The outer read, when the outer rows are its own (no operator in between) and the key the lookup asks for is its
    // partition key: the looked-up items, keyed by that same partition key value, may live in its partitions.
    private static ParameterExpression? ItemCollectionOf(ClientOperatorsExpression outerClient, LambdaExpression outerKey)
    {
        if (outerClient is not { Sources: [{ QueryExpression: DynamoDbQueryExpression outerRead }], SourceParameters: [var outerRows] }
            || outerClient.Body != outerRows
            || outerKey.Parameters[0].Type != outerRead.EntityType.ClrType)
        {
            return null;
        }

        var key = outerKey.Body;
        while (key is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            key = convert.Operand;
        }

        var partitionKey = outerRead.EntityType.GetPartitionKeyProperty();
        var name = key switch
        {
            MemberExpression { Expression: var instance } member when instance == outerKey.Parameters[0] => member.Member.Name,
            MethodCallExpression { Method.Name: nameof(EF.Property), Arguments: [var instance, ConstantExpression { Value: string property }] }
                when instance == outerKey.Parameters[0] => property,
            _ => null,
        };
        return partitionKey is not null && name == partitionKey.Name ? outerRows : null;
    }

    // A Where over a lookup join as EF expands a reference navigation (o.Customer.City == "Oslo": a LeftJoin of the
    // orders' read with the customers', each row a TransparentIdentifier of both): the conjuncts that read only the
    // outer row (ti.Outer.Shop == "south") go to the outer read's key condition or filter — filtering the outer rows
    // before the join is the same as filtering the joined rows, and fewer keys are then looked up. Returns the rest,
    // checked on the client, or null when nothing is left.
    private static LambdaExpression? PushDownOuterConditions(ClientOperatorsExpression client, LambdaExpression predicate)
    {
        if (client is not { Sources: [var outerSource, ..], SourceParameters: [var outerRows, ..] }
            || client.Body is not MethodCallExpression { Method.Name: nameof(Enumerable.Join) or nameof(Enumerable.LeftJoin), Arguments: [var joinOuter, _, _, _, LambdaExpression selector] } join
            || join.Method.DeclaringType != typeof(Enumerable)
            || joinOuter != outerRows
            || selector.Body is not NewExpression { Arguments: [var first, var second] } identifier
            || !identifier.Type.Name.StartsWith("TransparentIdentifier", StringComparison.Ordinal)
            || first != selector.Parameters[0]
            || second != selector.Parameters[1]
            || predicate.Parameters[0].Type != identifier.Type
            || outerSource.QueryExpression is not DynamoDbQueryExpression { HasRowLimits: false, IsDistinct: false, PartiQL: null } outerQuery)
        {
            return predicate;
        }

        var row = predicate.Parameters[0];
        var outer = selector.Parameters[0];
        var rest = new List<Expression>();
        foreach (var conjunct in Conjuncts(predicate.Body))
        {
            var overOuter = new OuterMemberReplacer(row, outer).Visit(conjunct);
            var lambda = Expression.Lambda(overOuter, outer);
            if (new CorrelatedSubqueryFinder(row).ReadsOuter(overOuter)
                || CreatePredicateTranslator(outerQuery, lambda).Translate(RemapLambdaBody(outerSource, lambda)) is not { } condition)
            {
                rest.Add(conjunct);
                continue;
            }

            outerQuery.ApplyPredicate(condition);
        }

        return rest.Count == 0 ? null : Expression.Lambda(rest.Aggregate(Expression.AndAlso), row);
    }

    private static IEnumerable<Expression> Conjuncts(Expression expression)
        => expression is BinaryExpression { NodeType: ExpressionType.AndAlso } and
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : [expression];

    // ti.Outer → the outer row.
    private sealed class OuterMemberReplacer(ParameterExpression row, ParameterExpression outer) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
            => node.Expression == row && node.Member.Name == "Outer" ? outer : base.VisitMember(node);
    }
}
