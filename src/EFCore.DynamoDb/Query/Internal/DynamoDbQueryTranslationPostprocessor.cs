using System.Linq.Expressions;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Runs EF's post-processing, then lets the access-path chooser decide how each query reads DynamoDB, and turns
/// Min/Max of a Query's sort key into a one-item Query in the right direction.
/// </summary>
public class DynamoDbQueryTranslationPostprocessor(
    QueryTranslationPostprocessorDependencies dependencies,
    QueryCompilationContext queryCompilationContext,
    IDynamoDbSingletonOptions options)
    : QueryTranslationPostprocessor(dependencies, queryCompilationContext)
{
    /// <inheritdoc />
    public override Expression Process(Expression query)
    {
        query = base.Process(query);
        if (query is ShapedQueryExpression { QueryExpression: DynamoDbQueryExpression queryExpression } shapedQuery)
        {
            new DynamoDbAccessPathChooser(QueryCompilationContext.Logger)
                .Choose(queryExpression, options.ResolveTableName(queryExpression.EntityType));
            ReadSortKeyExtremeOnly(queryExpression, shapedQuery.ShaperExpression);
        }

        return query;
    }

    // A Query returns items in sort key order, so the smallest (largest) sort key is the first item read forward
    // (backward): one item, not the whole partition.
    private static void ReadSortKeyExtremeOnly(DynamoDbQueryExpression query, Expression shaper)
    {
        if (shaper is not AggregateShaperExpression
            {
                Aggregate: DynamoDbAggregate.Min or DynamoDbAggregate.Max,
                SourceShaper: ProjectionBindingExpression { Index: { } index },
            } aggregate
            || query.AccessPath != DynamoDbAccessPath.Query
            || query.Orderings.Count > 0
            || query.HasRowLimits
            || query.ProjectedProperties[index] != (query.Index is null ? query.EntityType.GetSortKeyProperty() : query.Index.GetIndexSortKeyProperty()))
        {
            return;
        }

        var ascending = aggregate.Aggregate == DynamoDbAggregate.Min;
        query.ApplyOrdering(new DynamoDbOrdering(query.ProjectedProperties[index], ascending), append: false);
        query.SetOrderingStrategy(ascending, ordersOnClient: false);
        query.ApplyRowLimit(new RowLimit(IsSkip: false, QueryValue.FromConstant(1)));
    }
}
