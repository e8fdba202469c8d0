using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Compiles a translated query into its executable form: EF's entity materializer, rewired to read typed values
/// straight from the item's <see cref="AttributeValue" /> dictionary, compiled once per query shape; and the
/// querying enumerable of the chosen access path, which builds requests from each execution's parameters.
/// </summary>
public partial class DynamoDbShapedQueryCompilingExpressionVisitor(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    QueryCompilationContext queryCompilationContext,
    IDynamoDbSingletonOptions options)
    : ShapedQueryCompilingExpressionVisitor(dependencies, queryCompilationContext)
{
    /// <inheritdoc />
    protected override Expression VisitShapedQuery(ShapedQueryExpression shapedQueryExpression)
    {
        var queryExpression = (DynamoDbQueryExpression)shapedQueryExpression.QueryExpression;
        var itemParameter = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");

        var shaperBody = InjectStructuralTypeMaterializers(shapedQueryExpression.ShaperExpression);
        shaperBody = new ItemReadingExpressionVisitor(itemParameter).Visit(shaperBody);
        var shaperLambda = Expression.Lambda(shaperBody, QueryCompilationContext.QueryContextParameter, itemParameter);

        var requestBuilder = new DynamoDbReadRequestBuilder(queryExpression, options.ResolveTableName(queryExpression.EntityType));
        var enumerableType = (queryExpression.AccessPath == DynamoDbAccessPath.GetItem
                ? typeof(ItemQueryingEnumerable<>)
                : typeof(PagingQueryingEnumerable<>))
            .MakeGenericType(shaperLambda.ReturnType);

        return Expression.New(
            enumerableType.GetConstructors()[0],
            Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoDbQueryContext)),
            Expression.Constant(requestBuilder),
            Expression.Constant(shaperLambda.Compile()),
            Expression.Constant(QueryCompilationContext.ContextType),
            Expression.Constant(QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.NoTrackingWithIdentityResolution),
            Expression.Constant(Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled));
    }
}
