using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.ClientOperators;
using EFCore.DynamoDb.Query.Internal.Lookups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbQueryableMethodTranslatingExpressionVisitor
{
    // A projection or predicate with a correlated subquery (a collection navigation: Include(c => c.Orders),
    // c.Orders.Count(), c.Orders.Any(…), or the same written over another DbSet): the outer rows are read as translated,
    // then the subquery's entity set once, for the outer rows' distinct keys (a Query or BatchGetItem by key where the
    // key allows, else one Scan with the scan warning), never once per row; each outer row then takes its own inner rows
    // by key and the rest of the lambda runs on the client over them.
    private IReadOnlyList<CorrelatedSubquery> FindCorrelated(LambdaExpression lambda)
        => lambda.Parameters.Count == 1 ? new CorrelatedSubqueryFinder(lambda.Parameters[0]).Find(lambda.Body) : [];

    private ShapedQueryExpression? TranslateCorrelated(
        ShapedQueryExpression source,
        LambdaExpression lambda,
        IReadOnlyList<CorrelatedSubquery> subqueries,
        string name,
        LambdaExpression? resultSelector = null)
    {
        // A tracking query tracks the looked-up dependents as they are read, before the filter's Skip/Take, and EF's
        // fix-up then adds every one of them to the included collection: the row limit would be silently lost.
        if (QueryCompilationContext.QueryTrackingBehavior != QueryTrackingBehavior.NoTracking
            && RowLimitedIncludeFinder.Find(lambda.Body) is { } rowLimitedInclude)
        {
            return Fail(DynamoDbStrings.FilteredIncludeRowLimitWhenTracking(
                rowLimitedInclude.DeclaringEntityType.DisplayName() + "." + rowLimitedInclude.Name));
        }

        var outerClient = ToClient(source);
        var outer = lambda.Parameters[0];
        var parts = new ClientParts(outerClient);
        var rowsParameters = new List<ParameterExpression>();
        var rowsValues = new List<Expression>();
        var body = lambda.Body;
        foreach (var subquery in subqueries)
        {
            var inner = TranslateSubquery(subquery.Inner);
            if (inner is not null && subquery.Rest is not null)
            {
                inner = TranslateWhere(inner, subquery.Rest);
            }

            var keyRewriter = new ClientLambdaRewriter(QueryCompilationContext.Model);
            if (inner is null
                || keyRewriter.Rewrite(Expression.Lambda(subquery.OuterKey, outer)) is not LambdaExpression outerKey
                || keyRewriter.Rewrite(subquery.InnerKey) is not LambdaExpression innerKey)
            {
                return Fail(keyRewriter.FailureReason);
            }

            var innerIsRead = !IsClient(inner);
            var innerClient = ToClient(inner);
            var innerType = ElementType(innerClient);
            if (innerKey.Parameters[0].Type != innerType)
            {
                return null;
            }

            if (innerIsRead
                && LookUpByKey(
                    outerClient,
                    inner,
                    innerClient.SourceParameters[0],
                    subquery.InnerKey,
                    outerKey,
                    "__lookup_" + parts.Lookups.Count,
                    subquery.Expression is MaterializeCollectionNavigationExpression { Navigation: var collection }
                        ? $"navigation '{collection.DeclaringEntityType.DisplayName()}.{collection.Name}'"
                        : "navigation") is { } lookup)
            {
                parts.Lookups.Add(lookup);
            }

            parts.Add(innerClient);

            // The outer row's inner rows, as the IQueryable the operators after the correlation expect (the rewriter
            // below turns those operators into LINQ-to-Objects ones).
            var keyType = outerKey.ReturnType;
            var rowsType = typeof(CorrelatedRows<,>).MakeGenericType(keyType, innerType);
            var rows = Expression.Parameter(rowsType, "rows" + rowsParameters.Count);
            rowsParameters.Add(rows);
            rowsValues.Add(Expression.Call(
                (System.Reflection.MethodInfo)rowsType.GetField(nameof(CorrelatedRows<int, int>.CreateMethod))!.GetValue(null)!,
                InPrimaryKeyOrder(inner, innerClient.Body, innerType),
                Expression.Lambda(typeof(Func<,>).MakeGenericType(innerType, keyType), innerKey.Body, innerKey.Parameters)));
            var forOuterRow = Expression.Call(
                typeof(Queryable),
                nameof(Queryable.AsQueryable),
                [innerType],
                Expression.Call(rows, (System.Reflection.MethodInfo)rowsType.GetField(nameof(CorrelatedRows<int, int>.ForMethod))!.GetValue(null)!, subquery.OuterKey));
            Expression replacement;
            if (subquery.Expression is MaterializeCollectionNavigationExpression navigation)
            {
                var list = Expression.Call(
                    typeof(Enumerable),
                    nameof(Enumerable.ToList),
                    [innerType],
                    ReplacingExpressionVisitor.Replace(subquery.Correlation, forOuterRow, navigation.Subquery));
                replacement = list.Type == navigation.Type ? list : Expression.Convert(list, navigation.Type);
            }
            else
            {
                replacement = ReplacingExpressionVisitor.Replace(subquery.Correlation, forOuterRow, subquery.Expression);
            }

            body = ReplacingExpressionVisitor.Replace(subquery.Expression, replacement, body);
        }

        // The subqueries no key lookup serves (inside the looked-up ones too): their entity sets read once each.
        if (ReadSubqueries(body, parts) is not { } readBody)
        {
            return null;
        }

        body = readBody;

        var rewriter = new ClientLambdaRewriter(QueryCompilationContext.Model, insideProjection: name == nameof(Queryable.Select));
        if (rewriter.Rewrite(Expression.Lambda(body, outer)) is not LambdaExpression rewritten)
        {
            return Fail(rewriter.FailureReason);
        }

        MethodCallExpression call;
        if (resultSelector is null)
        {
            call = Expression.Call(
                typeof(Enumerable),
                name,
                name == nameof(Queryable.Select) ? [outer.Type, rewritten.ReturnType] : [outer.Type],
                outerClient.Body,
                rewritten);
        }
        else
        {
            // SelectMany(c => c.Orders…, (c, o) => …): each outer row with each of its inner rows.
            var resultRewriter = new ClientLambdaRewriter(QueryCompilationContext.Model, insideProjection: true);
            if (resultRewriter.Rewrite(resultSelector) is not LambdaExpression result)
            {
                return Fail(resultRewriter.FailureReason);
            }

            var collectionType = ElementTypeOf(rewritten.ReturnType);
            var sequenceType = typeof(IEnumerable<>).MakeGenericType(collectionType);
            call = Expression.Call(
                typeof(Enumerable),
                nameof(Enumerable.SelectMany),
                [outer.Type, collectionType, result.ReturnType],
                outerClient.Body,
                Expression.Lambda(
                    typeof(Func<,>).MakeGenericType(outer.Type, sequenceType),
                    rewritten.ReturnType == sequenceType ? rewritten.Body : Expression.Convert(rewritten.Body, sequenceType),
                    rewritten.Parameters),
                result);
        }

        var client = new ClientOperatorsExpression(
            parts.Sources,
            parts.SourceParameters,
            Expression.Invoke(Expression.Lambda(call, rowsParameters), rowsValues),
            [.. parts.Operators, name],
            parts.Lookups);
        return new ShapedQueryExpression(client, new ClientElementExpression(ElementTypeOf(call.Type)));
    }

    // SelectMany over a correlated subquery (c => DbSet<Order>().Where(o => o.CustomerID == c.CustomerID)…, with or
    // without DefaultIfEmpty) looks the inner rows up by key like a collection navigation; over an uncorrelated one it is
    // a cross join, each side read once.
    private ShapedQueryExpression? TranslateLookupSelectMany(
        ShapedQueryExpression source,
        LambdaExpression collectionSelector,
        LambdaExpression resultSelector)
    {
        if (FindCorrelated(collectionSelector) is { Count: > 0 } subqueries)
        {
            return TranslateCorrelated(source, collectionSelector, subqueries, nameof(Queryable.SelectMany), resultSelector);
        }

        var parameterFinder = new CorrelatedSubqueryFinder(collectionSelector.Parameters[0]);
        if (parameterFinder.ReadsOuter(collectionSelector.Body) && ReadsOtherEntities(collectionSelector))
        {
            return TranslateCorrelated(source, collectionSelector, [], nameof(Queryable.SelectMany), resultSelector);
        }

        if (parameterFinder.ReadsOuter(collectionSelector.Body) || TranslateSubquery(collectionSelector.Body) is not { } inner)
        {
            return Fail(DynamoDbStrings.JoinNotSupported(nameof(Queryable.SelectMany)));
        }

        var resultRewriter = new ClientLambdaRewriter(QueryCompilationContext.Model, insideProjection: true);
        if (resultRewriter.Rewrite(resultSelector) is not LambdaExpression result)
        {
            return Fail(resultRewriter.FailureReason);
        }

        var outerClient = ToClient(source);
        var innerClient = ToClient(inner);
        var innerType = ElementType(innerClient);
        var body = Expression.Call(
            typeof(Enumerable),
            nameof(Enumerable.SelectMany),
            [ElementType(outerClient), innerType, result.ReturnType],
            outerClient.Body,
            Expression.Lambda(
                typeof(Func<,>).MakeGenericType(ElementType(outerClient), typeof(IEnumerable<>).MakeGenericType(innerType)),
                innerClient.Body,
                Expression.Parameter(ElementType(outerClient), "outer")),
            result);
        var joined = new ClientOperatorsExpression(
            [.. outerClient.Sources, .. innerClient.Sources],
            [.. outerClient.SourceParameters, .. innerClient.SourceParameters],
            body,
            [.. outerClient.Operators, .. innerClient.Operators, nameof(Queryable.SelectMany)],
            [.. outerClient.Lookups, .. innerClient.Lookups]);
        return new ShapedQueryExpression(joined, new ClientElementExpression(result.ReturnType));
    }

    // Each outer row's inner rows in the inner entity's key order, the order a Query of one partition returns and the
    // one a relational store's key gives, whatever order the lookup's Scan or BatchGetItem returned them in.
    private static Expression InPrimaryKeyOrder(ShapedQueryExpression inner, Expression rows, Type innerType)
    {
        if (inner.ShaperExpression is not StructuralTypeShaperExpression { StructuralType: Microsoft.EntityFrameworkCore.Metadata.IEntityType entityType }
            || entityType.ClrType != innerType
            || entityType.FindPrimaryKey() is not { } key
            || key.Properties.Any(p => p.PropertyInfo is null))
        {
            return rows;
        }

        var ordered = rows;
        for (var i = 0; i < key.Properties.Count; i++)
        {
            var row = Expression.Parameter(innerType, "row");
            var member = Expression.Property(row, key.Properties[i].PropertyInfo!);
            ordered = Expression.Call(
                typeof(Enumerable),
                i == 0 ? nameof(Enumerable.OrderBy) : nameof(Enumerable.ThenBy),
                [innerType, member.Type],
                [ordered, Expression.Lambda(member, row), .. member.Type == typeof(string) ? [Expression.Constant(StringComparer.Ordinal, typeof(IComparer<string>))] : Array.Empty<Expression>()]);
        }

        return ordered;
    }

    // The first collection Include whose filter limits rows (Include(c => c.Orders.OrderBy(…).Skip(1))).
    private sealed class RowLimitedIncludeFinder : ExpressionVisitor
    {
        private INavigation? _found;

        public static INavigation? Find(Expression body)
        {
            var finder = new RowLimitedIncludeFinder();
            finder.Visit(body);
            return finder._found;
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (_found is null
                && node is IncludeExpression { Navigation: INavigation { IsCollection: true } navigation, NavigationExpression: MaterializeCollectionNavigationExpression collection }
                && LimitsRows(collection.Subquery))
            {
                _found = navigation;
                return node;
            }

            return base.VisitExtension(node);
        }

        private static bool LimitsRows(Expression subquery)
            => subquery is MethodCallExpression { Method.DeclaringType: var type } call
                && (type == typeof(Queryable) || type == typeof(Enumerable))
                && call.Arguments.Count > 0
                && (call.Method.Name is nameof(Queryable.Skip) or nameof(Queryable.Take) || LimitsRows(call.Arguments[0]));
    }
}
