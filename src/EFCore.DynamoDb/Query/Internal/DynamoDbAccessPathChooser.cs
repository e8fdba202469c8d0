using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.ClientEvaluation;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Picks the cheapest DynamoDB operation that returns exactly the query's result, as Cosmos' ReadItem extractor
/// does. Equality on the whole primary key and nothing else is a GetItem; a set of whole keys is a BatchGetItem;
/// equality on a partition key is a Query (on the table when it fits, else on the best secondary index that holds
/// every attribute the query reads), whose key condition also takes a sort key comparison, BETWEEN or
/// begins_with; anything else is a Scan, logged as <see cref="DynamoDbEventId.ScanQueryWarning" />. Conditions
/// the key does not cover go into the filter, except those on the Query's own keys, which DynamoDB refuses
/// there: those are checked on the returned items. So are the predicate parts DynamoDB cannot express at all
/// (with any OR or NOT around them, whose other operands a filter could then not decide alone), logged as
/// <see cref="DynamoDbEventId.ClientEvaluationWarning" />: they choose no key, and the filter holds only what DynamoDB
/// can check, so it never drops an item the client check would keep. It then decides whether DynamoDB can return
/// the requested order.
/// </summary>
public class DynamoDbAccessPathChooser(IDiagnosticsLogger<DbLoggerCategory.Query> logger)
{
    /// <summary>Decides the access path of the query and records it on the query expression.</summary>
    public virtual void Choose(DynamoDbQueryExpression query, string tableName)
    {
        var entityType = query.EntityType;
        var allConjuncts = query.Predicate is null ? [] : DynamoDbCondition.Conjuncts(query.Predicate).ToList();
        var onClient = allConjuncts.Where(ClientPredicateCondition.IsIn).ToList();
        var conjuncts = allConjuncts.Except(onClient).ToList();
        var readProperties = ReadProperties(query, allConjuncts);

        // A client check over a complex collection's elements reads whole items: only an index that holds every
        // attribute will do.
        var readsWholeItems = onClient.SelectMany(ClientPredicateCondition.FindAll).Any(c => c.ReadsWholeItem);
        bool Holds(IIndex index) => (!readsWholeItems || index.GetProjection() == DynamoDbIndexProjection.All) && readProperties.All(index.Projects);

        if (query.RequiredIndexName is { } requiredName)
        {
            var required = entityType.GetSecondaryIndexes().FirstOrDefault(i => i.Name == requiredName)
                ?? throw new InvalidOperationException(DynamoDbStrings.UnknownIndex(requiredName, entityType.DisplayName()));
            var missing = readProperties.Where(p => !required.Projects(p)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(DynamoDbStrings.IndexLacksAttributes(requiredName, string.Join(", ", missing.Select(p => "'" + p.Name + "'"))));
            }

            if (!TryQuery(query, conjuncts, required, required.GetIndexPartitionKeyProperty()!, required.GetIndexSortKeyProperty()))
            {
                throw new InvalidOperationException(DynamoDbStrings.IndexPartitionKeyNotConstrained(requiredName, required.GetIndexPartitionKeyProperty()!.Name));
            }
        }
        else if (!TryGetItem(query, conjuncts)
            && !TryBatchGetItem(query, conjuncts)
            && !TryQueryLocalIndex(query, conjuncts, Holds)
            && !TryQuery(query, conjuncts, null, entityType.GetPartitionKeyProperty()!, entityType.GetSortKeyProperty())
            && !TryQueryBestIndex(query, conjuncts, Holds))
        {
            // A query that matches nothing sends nothing, so it reads no table either.
            if (!query.MatchesNothing)
            {
                logger.ScanQueryWarning(entityType.DisplayName(), tableName);
            }

            query.SetAccessPath(DynamoDbAccessPath.Scan, null, null, null, null, DynamoDbCondition.And(conjuncts));
        }

        if (onClient.Count > 0)
        {
            query.AddClientFilter(DynamoDbCondition.And(onClient)!);
            if (!query.MatchesNothing)
            {
                logger.ClientEvaluationWarning(
                    entityType.DisplayName(),
                    tableName,
                    string.Join(", ", onClient.SelectMany(ClientPredicateCondition.FindAll).Select(c => "'" + c.Description + "'")));
            }
        }

        if (query.ConsistentRead && query.Index?.GetSecondaryIndexKind() == DynamoDbIndexKind.Global)
        {
            throw new InvalidOperationException(DynamoDbStrings.ConsistentReadOnGlobalIndex(query.Index.Name!));
        }

        // WithParallelScan splits a Scan; any other operation reads as it would without it.
        if (query.AccessPath != DynamoDbAccessPath.Scan)
        {
            query.ParallelScanSegments = null;
        }

        ChooseOrderingStrategy(query);
    }

    private static bool TryGetItem(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts)
    {
        var entityType = query.EntityType;
        var partitionKey = entityType.GetPartitionKeyProperty()!;
        var sortKey = entityType.GetSortKeyProperty();
        var remaining = conjuncts.ToList();
        if (TakeComparison(remaining, partitionKey, ComparisonOperator.Equal) is not { } partitionKeyCondition)
        {
            return false;
        }

        var sortKeyCondition = sortKey is null ? null : TakeComparison(remaining, sortKey, ComparisonOperator.Equal);
        if ((sortKey is not null && sortKeyCondition is null) || !OnlyTestsTheType(query, remaining))
        {
            return false;
        }

        query.SetAccessPath(DynamoDbAccessPath.GetItem, null, partitionKeyCondition, sortKeyCondition, null, null, DynamoDbCondition.And(remaining));
        return true;
    }

    // ids.Contains(e.Id) on a table without a sort key, or e.Pk == v && sortKeys.Contains(e.Sk): a set of whole keys.
    private static bool TryBatchGetItem(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts)
    {
        var entityType = query.EntityType;
        var partitionKey = entityType.GetPartitionKeyProperty()!;
        var sortKey = entityType.GetSortKeyProperty();
        var remaining = conjuncts.ToList();
        if (sortKey is null)
        {
            if (TakeIn(remaining, partitionKey) is { } partitionKeyIn && OnlyTestsTheType(query, remaining))
            {
                query.SetAccessPath(DynamoDbAccessPath.BatchGetItem, null, null, null, partitionKeyIn, null, DynamoDbCondition.And(remaining));
                return true;
            }

            return false;
        }

        if (TakeComparison(remaining, partitionKey, ComparisonOperator.Equal) is { } partitionKeyCondition
            && TakeIn(remaining, sortKey) is { } sortKeyIn
            && OnlyTestsTheType(query, remaining))
        {
            query.SetAccessPath(DynamoDbAccessPath.BatchGetItem, null, partitionKeyCondition, sortKeyIn, null, null, DynamoDbCondition.And(remaining));
            return true;
        }

        return false;
    }

    private static bool TryQuery(
        DynamoDbQueryExpression query,
        List<DynamoDbCondition> conjuncts,
        IIndex? index,
        IProperty partitionKey,
        IProperty? sortKey)
    {
        var remaining = conjuncts.ToList();
        if (TakeComparison(remaining, partitionKey, ComparisonOperator.Equal) is not { } partitionKeyCondition)
        {
            return false;
        }

        var sortKeyCondition = sortKey is null ? null : TakeSortKeyCondition(remaining, sortKey);

        // DynamoDB refuses a Query whose filter names a key attribute of the table or index it reads, and its key
        // condition holds one condition per key: what else names those keys (the other end of a half-open range,
        // `!=`, a key inside an OR) is checked on the returned items, which the key condition already narrowed.
        var onKeys = remaining.Where(c => DynamoDbCondition.Properties(c).Any(p => p == partitionKey || p == sortKey)).ToList();
        query.SetAccessPath(
            DynamoDbAccessPath.Query,
            index,
            partitionKeyCondition,
            sortKeyCondition,
            null,
            DynamoDbCondition.And(remaining.Except(onKeys)),
            DynamoDbCondition.And(onKeys));
        return true;
    }

    // A local index shares the table's partition key, so it beats the table when the query constrains (or orders
    // by) the index's sort key and not the table's: the key condition then narrows what the Query reads.
    private static bool TryQueryLocalIndex(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts, Func<IIndex, bool> holds)
    {
        if (query.EntityType.GetSortKeyProperty() is { } tableSortKey && conjuncts.Any(c => IsSortKeyCondition(c, tableSortKey)))
        {
            return false;
        }

        var firstOrdering = query.Orderings.FirstOrDefault()?.Property;
        var best = query.EntityType.GetRootType().GetSecondaryIndexes()
            .Where(i => i.GetSecondaryIndexKind() == DynamoDbIndexKind.Local)
            .Where(i => holds(i) && HoldsEveryMatch(i, conjuncts))
            .Select(i => (Index: i, Constrained: conjuncts.Any(c => IsSortKeyCondition(c, i.GetIndexSortKeyProperty()!))))
            .Where(c => c.Constrained || c.Index.GetIndexSortKeyProperty() == firstOrdering)
            .OrderByDescending(c => c.Constrained)
            .Select(c => c.Index)
            .FirstOrDefault();
        return best is not null && TryQuery(query, conjuncts, best, best.GetIndexPartitionKeyProperty()!, best.GetIndexSortKeyProperty());
    }

    // Among the indexes that hold every attribute the query reads and every item it matches, prefer one whose sort
    // key gives the requested order, then one whose sort key the query constrains.
    private static bool TryQueryBestIndex(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts, Func<IIndex, bool> holds)
    {
        var firstOrdering = query.Orderings.FirstOrDefault()?.Property;
        var best = query.EntityType.GetRootType().GetSecondaryIndexes()
            .Where(holds)
            .Where(i => HoldsEveryMatch(i, conjuncts))
            .OrderByDescending(i => firstOrdering is not null && i.GetIndexSortKeyProperty() == firstOrdering)
            .ThenByDescending(i => i.GetIndexSortKeyProperty() is { } sortKey && conjuncts.Any(c => IsSortKeyCondition(c, sortKey)))
            .FirstOrDefault();
        return best is not null && TryQuery(query, conjuncts, best, best.GetIndexPartitionKeyProperty()!, best.GetIndexSortKeyProperty());
    }

    // An index holds only the items that have its key attributes (null is never written): it can answer the query
    // when the query fixes its partition key to a value and, if its sort key may be null, constrains the sort key
    // to values too. A query parameter may still be null at run time; the request builder then reads the table.
    private static bool HoldsEveryMatch(IIndex index, List<DynamoDbCondition> conjuncts)
        => conjuncts.Any(c => IsComparison(c, index.GetIndexPartitionKeyProperty()!, ComparisonOperator.Equal) && !IsNullConstant(c))
            && (index.GetIndexSortKeyProperty() is not { IsNullable: true } sortKey
                || conjuncts.Any(c => IsSortKeyCondition(c, sortKey) && !IsNullConstant(c)));

    private static bool IsNullConstant(DynamoDbCondition condition)
        => condition is ComparisonCondition { Value: { ParameterName: null, Constant: null } };

    private void ChooseOrderingStrategy(DynamoDbQueryExpression query)
    {
        var orderings = query.Orderings;
        if (orderings.Count == 0 || query.AccessPath == DynamoDbAccessPath.GetItem)
        {
            query.SetOrderingStrategy(scanIndexForward: true, ordersOnClient: false);
            return;
        }

        if (query.AccessPath == DynamoDbAccessPath.Query)
        {
            // The partition key is fixed, so ordering by it changes nothing.
            var partitionKey = query.PartitionKeyCondition!.Property;
            var effective = orderings.Where(o => o.Property != partitionKey).ToList();
            if (effective.Count == 0)
            {
                query.SetOrderingStrategy(scanIndexForward: true, ordersOnClient: false);
                return;
            }

            // A table's sort key is unique within a partition, so later orderings cannot reorder its items; an
            // index's sort key is not, so there it must be the only ordering.
            if (effective[0].Property == query.SortKeyProperty && (effective.Count == 1 || query.Index is null))
            {
                query.SetOrderingStrategy(effective[0].Ascending, ordersOnClient: false);
                return;
            }
        }

        logger.ClientSideOrderingWarning(
            query.EntityType.DisplayName(),
            string.Join(", ", orderings.Select(o => "'" + o.Property.Name + "'" + (o.Ascending ? "" : " descending"))));
        query.SetOrderingStrategy(scanIndexForward: true, ordersOnClient: true);
    }

    // What an index must hold for the query: the projected properties (or every property for entity results),
    // the ordering keys, and every attribute the filter tests.
    private static IReadOnlyCollection<IProperty> ReadProperties(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts)
    {
        var properties = new HashSet<IProperty>(query.IsProjection ? query.ProjectedProperties : query.EntityType.GetProperties());
        properties.UnionWith(query.Orderings.Select(o => o.Property));
        foreach (var conjunct in conjuncts)
        {
            properties.UnionWith(DynamoDbCondition.Properties(conjunct));
        }

        return properties;
    }

    // In a table shared by several entity types, a read by whole key still checks the item's type (the
    // discriminator) on the returned item: a key lookup needs no filter for that.
    private static bool OnlyTestsTheType(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts)
        => conjuncts.Count == 0
            || (query.EntityType.FindDiscriminatorProperty() is { } discriminator
                && conjuncts.SelectMany(DynamoDbCondition.Properties).All(p => p == discriminator));

    private static ComparisonCondition? TakeComparison(List<DynamoDbCondition> conjuncts, IProperty property, ComparisonOperator op)
        => (ComparisonCondition?)Take(conjuncts, c => IsComparison(c, property, op));

    private static InCondition? TakeIn(List<DynamoDbCondition> conjuncts, IProperty property)
        => (InCondition?)Take(conjuncts, c => c is InCondition @in && @in.Property == property);

    // A sort key condition is one comparison other than <>, a BETWEEN, a begins_with, or a `>= low` and `<= high`
    // pair, which becomes one BETWEEN.
    private static DynamoDbCondition? TakeSortKeyCondition(List<DynamoDbCondition> conjuncts, IProperty sortKey)
    {
        var lower = conjuncts.FindIndex(c => IsComparison(c, sortKey, ComparisonOperator.GreaterThanOrEqual));
        var upper = conjuncts.FindIndex(c => IsComparison(c, sortKey, ComparisonOperator.LessThanOrEqual));
        if (lower >= 0 && upper >= 0)
        {
            var between = new BetweenCondition(sortKey, ((ComparisonCondition)conjuncts[lower]).Value, ((ComparisonCondition)conjuncts[upper]).Value);
            conjuncts.RemoveAt(Math.Max(lower, upper));
            conjuncts.RemoveAt(Math.Min(lower, upper));
            return between;
        }

        return Take(conjuncts, c => IsSortKeyCondition(c, sortKey));
    }

    // Removes the first conjunct that matches from the list, and returns it.
    private static DynamoDbCondition? Take(List<DynamoDbCondition> conjuncts, Predicate<DynamoDbCondition> match)
    {
        var index = conjuncts.FindIndex(match);
        if (index < 0)
        {
            return null;
        }

        var condition = conjuncts[index];
        conjuncts.RemoveAt(index);
        return condition;
    }

    private static bool IsSortKeyCondition(DynamoDbCondition condition, IProperty sortKey)
        => condition switch
        {
            ComparisonCondition comparison => comparison.Property == sortKey && comparison.Operator != ComparisonOperator.NotEqual,
            BetweenCondition between => between.Property == sortKey,
            FunctionCondition { Function: DynamoDbConditionFunction.BeginsWith } beginsWith => beginsWith.Property == sortKey,
            _ => false,
        };

    private static bool IsComparison(DynamoDbCondition condition, IProperty property, ComparisonOperator op)
        => condition is ComparisonCondition comparison && comparison.Property == property && comparison.Operator == op;
}
