using System.Linq.Expressions;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.ClientEvaluation;
using EFCore.DynamoDb.Query.Internal.ClientOperators;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Runs EF's post-processing, then lets the access-path chooser decide how each query reads DynamoDB, and turns
/// Min/Max of a Query's sort key into a one-item Query in the right direction. For ExecuteUpdate/ExecuteDelete it
/// decides how the items are found: by the one whole key the predicate names, or by a query for their keys.
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
        else if (query is ShapedQueryExpression { QueryExpression: ClientOperatorsExpression client })
        {
            for (var i = 0; i < client.Sources.Count; i++)
            {
                var read = (DynamoDbQueryExpression)client.Sources[i].QueryExpression;
                new DynamoDbAccessPathChooser(QueryCompilationContext.Logger).Choose(
                    read,
                    options.ResolveTableName(read.EntityType),
                    client.Lookups.FirstOrDefault(l => l.Source == client.SourceParameters[i]));
            }
        }
        else if (query is DynamoDbBulkWriteExpression bulkWrite)
        {
            ChooseItems(bulkWrite);
        }

        return query;
    }

    // A predicate that names one whole primary key (with `==`, among other conditions) needs no read: one write,
    // conditioned on the rest. Otherwise the query runs, reading only the keys, and each write is conditioned on
    // what the predicate says about other attributes than the item's own key, which a matched key keeps satisfying.
    // What only the client can check (DynamoDB cannot express it) needs the item read, and cannot condition a write.
    private void ChooseItems(DynamoDbBulkWriteExpression bulkWrite)
    {
        var query = bulkWrite.Query;
        if (query.PartiQL is not null)
        {
            // The writes address items by key; a PartiQL statement of the provider's own is a read.
            throw new InvalidOperationException(DynamoDbStrings.PartiQLDoesNotCompose("ExecuteUpdate/ExecuteDelete", query.EntityType.DisplayName()));
        }

        // Every key property, the partition key first: the parts of a composite sort key name the item together.
        var keyProperties = query.EntityType.FindPrimaryKey()!.Properties.OrderBy(p => p != query.EntityType.GetPartitionKeyProperty()).ToList();
        var allConjuncts = query.Predicate is null ? [] : DynamoDbCondition.Conjuncts(query.Predicate).ToList();
        var conjuncts = allConjuncts.Where(c => !ClientPredicateCondition.IsIn(c)).ToList();
        var rest = conjuncts.ToList();
        if (!query.HasRowLimits && conjuncts.Count == allConjuncts.Count)
        {
            var keyConditions = keyProperties.Select(p => TakeEquality(rest, p)).ToList();
            if (keyConditions.All(c => c is not null))
            {
                bulkWrite.SetByKey(keyConditions!, DynamoDbCondition.And(rest));
                return;
            }
        }

        // The key attributes of the items read (a composite sort-key attribute is read with any projection).
        query.AddProjectedProperty(keyProperties[0]);
        if (query.EntityType.GetSortKeyProperty() is { } sortKey)
        {
            query.AddProjectedProperty(sortKey);
        }

        new DynamoDbAccessPathChooser(QueryCompilationContext.Logger).Choose(query, options.ResolveTableName(query.EntityType));
        bulkWrite.SetReadsKeys(DynamoDbCondition.And(
            conjuncts.Where(c => DynamoDbCondition.Properties(c).Any(p => !keyProperties.Contains(p)))));
    }

    private static ComparisonCondition? TakeEquality(List<DynamoDbCondition> conjuncts, IProperty property)
    {
        var index = conjuncts.FindIndex(c => IsEquality(c, property));
        if (index < 0)
        {
            return null;
        }

        var condition = (ComparisonCondition)conjuncts[index];
        conjuncts.RemoveAt(index);
        return condition;
    }

    private static bool IsEquality(DynamoDbCondition condition, IProperty property)
        => condition is ComparisonCondition { Operator: ComparisonOperator.Equal } comparison && comparison.Property == property;

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
            || query.PartitionKeyValues is not null
            || query.Orderings.Count > 0
            || query.HasRowLimits
            || query.ProjectedProperties[index] != query.SortKeyProperty)
        {
            return;
        }

        var ascending = aggregate.Aggregate == DynamoDbAggregate.Min;
        query.ApplyOrdering(new DynamoDbOrdering(query.ProjectedProperties[index], ascending), append: false);
        query.SetOrderingStrategy(ascending, ordersOnClient: false);
        query.ApplyRowLimit(new RowLimit(IsSkip: false, QueryValue.FromConstant(1)));
    }
}
