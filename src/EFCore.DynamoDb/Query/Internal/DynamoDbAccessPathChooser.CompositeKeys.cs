using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The access paths of a table whose key has three or more properties: a partition key and one composite sort-key
/// attribute that encodes the other parts in key order (<see cref="Storage.Internal.CompositeKeys.ItemKeySchema" />).
/// Equality on every part is a GetItem; equality on all but the last and an IN on the last, a BatchGetItem; equality
/// on a leading run of parts (and a range on the next) a Query whose key condition is a begins_with or BETWEEN on the
/// composite attribute. The parts are also stored as attributes of their own, so the filter checks them exactly where
/// the key condition can only narrow.
/// </summary>
public partial class DynamoDbAccessPathChooser
{
    private static bool HasCompositeSortKey(DynamoDbQueryExpression query)
        => query.EntityType.GetCompositeSortKeyProperties().Count > 0;

    private static bool TryGetItemByCompositeKey(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts)
    {
        var remaining = conjuncts.ToList();
        if (TakeComparison(remaining, query.EntityType.GetPartitionKeyProperty()!, ComparisonOperator.Equal) is not { } partitionKeyCondition
            || TakePartEqualities(remaining, query.EntityType.GetCompositeSortKeyProperties()) is not { } parts
            || !OnlyTestsTheType(query, remaining))
        {
            return false;
        }

        query.SetAccessPath(DynamoDbAccessPath.GetItem, null, partitionKeyCondition, null, null, null, DynamoDbCondition.And(remaining), parts);
        return true;
    }

    // e.Pk == a && e.Part1 == b && lasts.Contains(e.Part2): a set of whole keys.
    private static bool TryBatchGetItemByCompositeKey(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts)
    {
        var remaining = conjuncts.ToList();
        var parts = query.EntityType.GetCompositeSortKeyProperties();
        if (TakeComparison(remaining, query.EntityType.GetPartitionKeyProperty()!, ComparisonOperator.Equal) is not { } partitionKeyCondition
            || TakePartEqualities(remaining, parts.Take(parts.Count - 1).ToList()) is not { } leading
            || TakeIn(remaining, parts[^1]) is not { } lastIn
            || !OnlyTestsTheType(query, remaining))
        {
            return false;
        }

        query.SetAccessPath(DynamoDbAccessPath.BatchGetItem, null, partitionKeyCondition, lastIn, null, null, DynamoDbCondition.And(remaining), leading);
        return true;
    }

    // Equality on the partition key, then `==` on a leading run of parts and at most one range (comparison, BETWEEN,
    // begins_with) on the next part. The range's key condition on the composite attribute may hold a few more items
    // than the range (the encoded bounds are inclusive), so it is also part of the filter, on the part's own attribute;
    // so are conditions on later parts. Other conditions on the partition key are checked on the returned items.
    private static bool TryQueryByCompositeKey(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts)
    {
        var remaining = conjuncts.ToList();
        var partitionKey = query.EntityType.GetPartitionKeyProperty()!;
        if (TakeComparison(remaining, partitionKey, ComparisonOperator.Equal) is not { } partitionKeyCondition)
        {
            return false;
        }

        var leading = new List<ComparisonCondition>();
        DynamoDbCondition? range = null;
        foreach (var part in query.EntityType.GetCompositeSortKeyProperties())
        {
            if (TakeComparison(remaining, part, ComparisonOperator.Equal) is { } equality)
            {
                leading.Add(equality);
                continue;
            }

            range = TakeSortKeyCondition(remaining, part);
            break;
        }

        var onPartitionKey = remaining.Where(c => DynamoDbCondition.Properties(c).Contains(partitionKey)).ToList();
        var filter = remaining.Except(onPartitionKey).ToList();
        if (range is not null)
        {
            filter.Add(range);
        }

        query.SetAccessPath(
            DynamoDbAccessPath.Query,
            null,
            partitionKeyCondition,
            range,
            null,
            DynamoDbCondition.And(filter),
            DynamoDbCondition.And(onPartitionKey),
            leading);
        return true;
    }

    // An equality on each of the parts, in their order; null unless every one has one.
    private static List<ComparisonCondition>? TakePartEqualities(List<DynamoDbCondition> conjuncts, IReadOnlyList<IProperty> parts)
    {
        var equalities = new List<ComparisonCondition>(parts.Count);
        foreach (var part in parts)
        {
            if (TakeComparison(conjuncts, part, ComparisonOperator.Equal) is not { } equality)
            {
                return null;
            }

            equalities.Add(equality);
        }

        return equalities;
    }
}
