using System.Linq.Expressions;
using EFCore.DynamoDb.Query.Internal.ClientOperators;
using EFCore.DynamoDb.Query.Internal.Lookups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbQueryableMethodTranslatingExpressionVisitor
{
    // A subquery the key lookups cannot serve: one that does not depend on the outer row at all
    // (`o => o.Freight > ctx.Orders.Average(x => x.Freight)`), or one tied to it by something other than one key equality
    // (`c.Orders.Any(o => o.OrderDetails.Count > 2)` inside another subquery, a non-equality correlation). Its entity set
    // is read once per execution (the largest part of the subquery that reads nothing of the outer rows translated as a
    // query of its own: its filters, projection and access path; else the whole set, with the scan warning), and the rest
    // of the subquery runs on the client for each outer row, with LINQ's semantics. Never one request per outer row.

    // Whether a lambda reads another entity set (a DbSet, or a navigation to entities stored in their own items).
    private static bool ReadsOtherEntities(LambdaExpression lambda)
    {
        var finder = new SubqueryRootFinder();
        finder.Visit(lambda.Body);
        return finder.Found;
    }

    private sealed class SubqueryRootFinder : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is EntityQueryRootExpression
                || node is MaterializeCollectionNavigationExpression { Navigation: not INavigation { ForeignKey.IsOwnership: true } })
            {
                Found = true;
                return node;
            }

            return base.VisitExtension(node);
        }
    }

    // Replaces each remaining subquery of a lambda's body with LINQ-to-Objects over reads added to the client part's
    // sources; null (with the reason given to EF) when one of them cannot be read.
    private Expression? ReadSubqueries(Expression body, ClientParts parts)
    {
        var reader = new SubqueryReader(this, parts);
        var result = reader.Visit(body);
        return reader.Failed ? null : result;
    }

    /// <summary>The reads and operators a client part is being built from.</summary>
    private sealed class ClientParts(ClientOperatorsExpression outer)
    {
        public List<ShapedQueryExpression> Sources { get; } = [.. outer.Sources];

        public List<ParameterExpression> SourceParameters { get; } = [.. outer.SourceParameters];

        public List<ClientLookup> Lookups { get; } = [.. outer.Lookups];

        public List<string> Operators { get; } = [.. outer.Operators];

        // The client form of an inner read: its sources join the part's, its body stands for its rows.
        public Expression Add(ShapedQueryExpression inner) => Add(ToClient(inner));

        public Expression Add(ClientOperatorsExpression client)
        {
            Sources.AddRange(client.Sources);
            SourceParameters.AddRange(client.SourceParameters);
            Lookups.AddRange(client.Lookups);
            Operators.AddRange(client.Operators);
            return client.Body;
        }
    }

    private sealed class SubqueryReader(DynamoDbQueryableMethodTranslatingExpressionVisitor translator, ClientParts parts) : ExpressionVisitor
    {
        public bool Failed { get; private set; }

        protected override Expression VisitExtension(Expression node)
        {
            switch (node)
            {
                case EntityQueryRootExpression root:
                    return Read(root) ?? node;

                // c.Orders where no key lookup serves it: the dependents the navigation's own subquery selects.
                case MaterializeCollectionNavigationExpression { Navigation: not INavigation { ForeignKey.IsOwnership: true } } navigation:
                    var subquery = Visit(navigation.Subquery);
                    var elementType = ElementTypeOf(subquery.Type);
                    var list = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [elementType], subquery);
                    return list.Type == navigation.Type ? list : Expression.Convert(list, navigation.Type);

                default:
                    return base.VisitExtension(node);
            }
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!IsOperatorChainOverEntitySet(node))
            {
                return base.VisitMethodCall(node);
            }

            // The largest part of the chain, from its entity set up, that reads no parameter of the lambdas around it.
            Expression current = node;
            while (current is MethodCallExpression call && (!IsSequence(call.Type) || UnboundParameterFinder.UsesUnbound(call)))
            {
                current = call.Arguments[0];
            }

            if (current is MethodCallExpression translatable
                && translator.TranslateSubquery(translatable) is { } shaped
                && shaped.ResultCardinality == ResultCardinality.Enumerable)
            {
                var rows = AsQueryable(parts.Add(shaped));
                return translatable == node ? rows : base.VisitMethodCall((MethodCallExpression)ReplacingExpressionVisitor.Replace(translatable, rows, node));
            }

            // Only the entity set itself reads on its own; the operators above it run on the client.
            return base.VisitMethodCall(node);
        }

        private Expression? Read(EntityQueryRootExpression root)
        {
            if (translator.TranslateSubquery(root) is not { } shaped)
            {
                Failed = true;
                return null;
            }

            return AsQueryable(parts.Add(shaped));
        }

        // The rows as the IQueryable the operators written over the subquery expect (the client rewrite turns those
        // operators into LINQ-to-Objects ones).
        private static Expression AsQueryable(Expression rows)
            => Expression.Call(typeof(Queryable), nameof(Queryable.AsQueryable), [ElementTypeOf(rows.Type)], rows);

        // A part of the chain that can stand alone as rows. An ordered one cannot: the ThenBy above it needs the
        // client's own ordered sequence, so its ordering runs on the client too.
        private static bool IsSequence(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IQueryable<>);

        private static bool IsOperatorChainOverEntitySet(Expression expression)
        {
            while (expression is MethodCallExpression { Method.DeclaringType: var type } call
                && (type == typeof(Queryable) || type == typeof(Enumerable))
                && call.Arguments.Count > 0)
            {
                expression = call.Arguments[0];
            }

            return expression is EntityQueryRootExpression;
        }
    }
}
