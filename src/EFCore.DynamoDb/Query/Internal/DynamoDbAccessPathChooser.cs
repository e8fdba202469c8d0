using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Picks the cheapest DynamoDB operation that returns exactly the query's result, as Cosmos' ReadItem extractor
/// does: equality on the whole primary key and nothing else is a GetItem; equality on the partition key is a
/// Query whose key condition also takes a sort key comparison; anything else is a Scan, logged as
/// <see cref="DynamoDbEventId.ScanQueryWarning" />. The conditions the key does not cover stay in the filter.
/// </summary>
public class DynamoDbAccessPathChooser(IDiagnosticsLogger<DbLoggerCategory.Query> logger)
{
    /// <summary>Decides the access path of the query and records it on the query expression.</summary>
    public virtual void Choose(DynamoDbQueryExpression queryExpression, string tableName)
    {
        var entityType = queryExpression.EntityType;
        var partitionKey = entityType.GetPartitionKeyProperty();
        var sortKey = entityType.GetSortKeyProperty();
        var conjuncts = queryExpression.Predicate is null ? [] : DynamoDbCondition.Conjuncts(queryExpression.Predicate).ToList();

        var partitionKeyCondition = TakeKeyCondition(conjuncts, partitionKey, equalityOnly: true);
        if (partitionKeyCondition is null)
        {
            logger.ScanQueryWarning(entityType.DisplayName(), tableName);
            queryExpression.SetAccessPath(DynamoDbAccessPath.Scan, null, null, queryExpression.Predicate);
            return;
        }

        var sortKeyCondition = TakeKeyCondition(conjuncts, sortKey, equalityOnly: false);
        var wholeKeyKnown = sortKey is null || sortKeyCondition?.Operator == ComparisonOperator.Equal;
        var accessPath = wholeKeyKnown && conjuncts.Count == 0 ? DynamoDbAccessPath.GetItem : DynamoDbAccessPath.Query;
        queryExpression.SetAccessPath(accessPath, partitionKeyCondition, sortKeyCondition, DynamoDbCondition.And(conjuncts));
    }

    // Removes and returns the first top-level comparison a key condition can hold for this key property.
    private static ComparisonCondition? TakeKeyCondition(List<DynamoDbCondition> conjuncts, IProperty? keyProperty, bool equalityOnly)
    {
        if (keyProperty is null)
        {
            return null;
        }

        var index = conjuncts.FindIndex(c => c is ComparisonCondition comparison
            && comparison.Property == keyProperty
            && (comparison.Operator == ComparisonOperator.Equal
                || (!equalityOnly && comparison.Operator != ComparisonOperator.NotEqual)));
        if (index < 0)
        {
            return null;
        }

        var condition = (ComparisonCondition)conjuncts[index];
        conjuncts.RemoveAt(index);
        return condition;
    }
}
