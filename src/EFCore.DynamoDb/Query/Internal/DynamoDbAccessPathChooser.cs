using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.ClientEvaluation;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Query.Internal.Lookups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Picks the cheapest DynamoDB operation that returns exactly the query's result, as Cosmos' ReadItem extractor
/// does. Equality on the whole primary key and nothing else is a GetItem; a set of whole keys is a BatchGetItem;
/// equality on a partition key is a Query (on the table when it fits, else on the best secondary index that holds
/// every attribute the query reads), whose key condition also takes a sort key comparison, BETWEEN or
/// begins_with. An index with a multi-attribute key needs equality on every partition attribute, and its key
/// condition takes a leading run of sort attributes: equality on each but the last, which may be a comparison,
/// BETWEEN or begins_with. Anything else is a Scan, logged as <see cref="DynamoDbEventId.ScanQueryWarning" />.
/// <c>FromPartiQL</c> reads with its statement, and <c>WithTransactionalRead</c> needs a GetItem or BatchGetItem. Conditions
/// the key does not cover go into the filter, except those on the Query's own keys, which DynamoDB refuses
/// there: those are checked on the returned items. So are the predicate parts DynamoDB cannot express at all
/// (with any OR or NOT around them, whose other operands a filter could then not decide alone), logged as
/// <see cref="DynamoDbEventId.ClientEvaluationWarning" />: they choose no key, and the filter holds only what DynamoDB
/// can check, so it never drops an item the client check would keep. It then decides whether DynamoDB can return
/// the requested order.
/// </summary>
public partial class DynamoDbAccessPathChooser(IDiagnosticsLogger<DbLoggerCategory.Query> logger)
{
    /// <summary>
    /// Decides the access path of the query and records it on the query expression. For the read of a lookup
    /// (<paramref name="lookup" />), a Scan is reported naming what is looked up and the index that would make it a
    /// Query.
    /// </summary>
    public virtual void Choose(DynamoDbQueryExpression query, string tableName, ClientLookup? lookup = null)
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

        if (query.PartiQL is not null)
        {
            ChoosePartiQL(query);
            return;
        }

        if (query.RequiredIndexName is { } requiredName)
        {
            var required = entityType.GetSecondaryIndexes().FirstOrDefault(i => i.GetSecondaryIndexName() == requiredName)
                ?? throw new InvalidOperationException(DynamoDbStrings.UnknownIndex(requiredName, entityType.DisplayName()));
            var missing = readProperties.Where(p => !required.Projects(p)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(DynamoDbStrings.IndexLacksAttributes(requiredName, string.Join(", ", missing.Select(p => "'" + p.Name + "'"))));
            }

            if (!TryQueryIndex(query, conjuncts, required))
            {
                throw new InvalidOperationException(required.HasMultiAttributeKey()
                    ? DynamoDbStrings.MultiAttributeIndexKeyNotConstrained(
                        requiredName,
                        string.Join(", ", required.GetIndexPartitionKeyProperties().Select(p => "'" + p.Name + "'")),
                        string.Join(", ", required.GetIndexSortKeyProperties().Select(p => "'" + p.Name + "'")))
                    : DynamoDbStrings.IndexPartitionKeyNotConstrained(requiredName, required.GetIndexPartitionKeyProperty()!.Name));
            }
        }
        else if (!TryGetItem(query, conjuncts)
            && !TryBatchGetItem(query, conjuncts)
            && !TryQueryLocalIndex(query, conjuncts, Holds)
            && !TryQueryTable(query, conjuncts)
            && !TryQueryBestIndex(query, conjuncts, Holds)
            && !(lookup is not null && TryQueryEachPartitionKey(query, conjuncts, lookup, Holds)))
        {
            // A query that matches nothing sends nothing, so it reads no table either.
            if (!query.MatchesNothing)
            {
                if (lookup is not null && conjuncts.OfType<InCondition>().FirstOrDefault(c => c.Values.ParameterName == lookup.ParameterName) is { } lookedUp)
                {
                    logger.LookupScanWarning(lookup.Description, tableName, entityType.DisplayName(), lookedUp.Property.Name);
                }
                else
                {
                    logger.ScanQueryWarning(entityType.DisplayName(), tableName);
                }
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
            throw new InvalidOperationException(DynamoDbStrings.ConsistentReadOnGlobalIndex(query.Index.GetSecondaryIndexName()!));
        }

        // TransactGetItems reads whole keys and nothing else: the keys of a GetItem or a BatchGetItem.
        if (query.TransactionalRead && query.AccessPath is not (DynamoDbAccessPath.GetItem or DynamoDbAccessPath.BatchGetItem))
        {
            throw new InvalidOperationException(DynamoDbStrings.TransactionalReadNeedsKeys(entityType.DisplayName()));
        }

        // WithParallelScan splits a Scan; any other operation reads as it would without it.
        if (query.AccessPath != DynamoDbAccessPath.Scan)
        {
            query.ParallelScanSegments = null;
        }

        ChooseOrderingStrategy(query);
    }

    // FromPartiQL reads what its statement says; the type of a shared table and expired items are checked on the
    // returned items. The options that shape other requests have no meaning for it.
    private static void ChoosePartiQL(DynamoDbQueryExpression query)
    {
        var option = query.RequiredIndexName is not null ? "WithIndex"
            : query.ParallelScanSegments is not null ? "WithParallelScan"
            : query.TransactionalRead ? "WithTransactionalRead"
            : null;
        if (option is not null)
        {
            throw new InvalidOperationException(DynamoDbStrings.PartiQLDoesNotCompose(option, query.EntityType.DisplayName()));
        }

        query.SetAccessPath(DynamoDbAccessPath.ExecuteStatement, null, null, null, null, null, query.Predicate);
        query.SetOrderingStrategy(scanIndexForward: true, ordersOnClient: false);
    }

    private static bool TryGetItem(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts)
    {
        var entityType = query.EntityType;
        if (HasCompositeSortKey(query))
        {
            return TryGetItemByCompositeKey(query, conjuncts);
        }

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
        if (HasCompositeSortKey(query))
        {
            return TryBatchGetItemByCompositeKey(query, conjuncts);
        }

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

    // The table's own key: its partition key and sort key, or its partition key and the parts of its composite sort key.
    private static bool TryQueryTable(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts)
        => HasCompositeSortKey(query)
            ? TryQueryByCompositeKey(query, conjuncts)
            : TryQuery(query, conjuncts, null, [query.EntityType.GetPartitionKeyProperty()!], query.EntityType.GetSortKeyProperty() is { } sortKey ? [sortKey] : []);

    private static bool TryQueryIndex(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts, IIndex index)
        => TryQuery(query, conjuncts, index, index.GetIndexPartitionKeyProperties(), index.GetIndexSortKeyProperties());

    // A Query's key condition has `==` on every partition key attribute (one, or up to four of a multi-attribute
    // index key) and constrains a leading run of the sort key attributes: `==` on each but the last, which may also
    // be a comparison, BETWEEN or begins_with. DynamoDB refuses a condition on a later sort attribute without the
    // ones before it.
    private static bool TryQuery(
        DynamoDbQueryExpression query,
        List<DynamoDbCondition> conjuncts,
        IIndex? index,
        IReadOnlyList<IProperty> partitionKey,
        IReadOnlyList<IProperty> sortKey)
    {
        var remaining = conjuncts.ToList();
        var equalities = new List<ComparisonCondition>();
        foreach (var attribute in partitionKey)
        {
            if (TakeComparison(remaining, attribute, ComparisonOperator.Equal) is not { } equality)
            {
                return false;
            }

            equalities.Add(equality);
        }

        DynamoDbCondition? sortKeyCondition = null;
        foreach (var attribute in sortKey)
        {
            if (TakeSortKeyCondition(remaining, attribute) is not { } condition)
            {
                break;
            }

            if (sortKeyCondition is not null)
            {
                equalities.Add((ComparisonCondition)sortKeyCondition);
            }

            sortKeyCondition = condition;
            if (!IsComparison(condition, attribute, ComparisonOperator.Equal))
            {
                break;
            }
        }

        // DynamoDB refuses a Query whose filter names a key attribute of the table or index it reads, and its key
        // condition holds one condition per key attribute: what else names those keys (the other end of a half-open
        // range, `!=`, a key inside an OR, a sort attribute after the leading run) is checked on the returned items,
        // which the key condition already narrowed.
        var onKeys = remaining.Where(c => DynamoDbCondition.Properties(c).Any(p => partitionKey.Contains(p) || sortKey.Contains(p))).ToList();
        query.SetAccessPath(
            DynamoDbAccessPath.Query,
            index,
            equalities[0],
            sortKeyCondition,
            null,
            DynamoDbCondition.And(remaining.Except(onKeys)),
            DynamoDbCondition.And(onKeys),
            equalities.Skip(1).ToList());
        return true;
    }

    // A local index shares the table's partition key, so it beats the table when the query constrains (or orders
    // by) the index's sort key and not the table's: the key condition then narrows what the Query reads.
    private static bool TryQueryLocalIndex(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts, Func<IIndex, bool> holds)
    {
        if ((query.EntityType.GetSortKeyProperty() ?? query.EntityType.GetCompositeSortKeyProperties().FirstOrDefault()) is { } tableSortKey
            && conjuncts.Any(c => IsSortKeyCondition(c, tableSortKey)))
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
        return best is not null && TryQueryIndex(query, conjuncts, best);
    }

    // Among the indexes that hold every attribute the query reads and every item it matches, prefer one whose sort
    // key gives the requested order, then one whose key condition narrows the most sort key attributes.
    private static bool TryQueryBestIndex(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts, Func<IIndex, bool> holds)
    {
        var firstOrdering = query.Orderings.FirstOrDefault()?.Property;
        var best = query.EntityType.GetRootType().GetSecondaryIndexes()
            .Where(holds)
            .Where(i => HoldsEveryMatch(i, conjuncts))
            .OrderByDescending(i => firstOrdering is not null && FirstUnfixedSortKey(i, conjuncts) == firstOrdering)
            .ThenByDescending(i => ConstrainedSortKeyCount(i, conjuncts))
            .FirstOrDefault();
        return best is not null && TryQueryIndex(query, conjuncts, best);
    }

    // The IN of a lookup's keys on the partition key of the table (with a sort key, or it would be a BatchGetItem) or
    // of an index, as a lookup by foreign key writes it: a Query per distinct value, the same Query an `==` on that key would send (its
    // key condition compares with the parameter each request sets), instead of a Scan of the whole table. A page of
    // ToPageAsync cannot continue across several Queries, so it still scans.
    private static bool TryQueryEachPartitionKey(DynamoDbQueryExpression query, List<DynamoDbCondition> conjuncts, ClientLookup lookup, Func<IIndex, bool> holds)
    {
        if (query.MatchesNothing || query.PageRequestParameterName is not null)
        {
            return false;
        }

        // Only a lookup's keys: never null (an index holds no item without its key), and each one a principal's.
        foreach (var values in conjuncts.OfType<InCondition>().Where(c => c.Values.ParameterName == lookup.ParameterName))
        {
            var each = new ComparisonCondition(values.Property, ComparisonOperator.Equal, QueryValue.FromParameter(DynamoDbQueryExpression.EachPartitionKeyParameterName));
            var replaced = conjuncts.Select(c => c == values ? each : c).ToList();
            if ((TryQueryLocalIndex(query, replaced, holds)
                    || TryQueryTable(query, replaced)
                    || TryQueryBestIndex(query, replaced, holds))
                && (query.PartitionKeyCondition == each || query.KeyEqualities.Contains(each)))
            {
                query.QueryEachValueOf(values);
                return true;
            }
        }

        return false;
    }

    // An index holds only the items that have all its key attributes (null is never written): it can answer the
    // query when the query fixes every partition key attribute to a value and constrains each sort key attribute
    // that may be null to values too. A query parameter may still be null at run time; the request builder then
    // reads the table.
    private static bool HoldsEveryMatch(IIndex index, List<DynamoDbCondition> conjuncts)
        => index.GetIndexPartitionKeyProperties().All(p => conjuncts.Any(c => IsComparison(c, p, ComparisonOperator.Equal) && !IsNullConstant(c)))
            && index.GetIndexSortKeyProperties().All(s => !s.IsNullable || conjuncts.Any(c => IsSortKeyCondition(c, s) && !IsNullConstant(c)));

    // How many sort key attributes, from the first, the key condition constrains: `==` on each but the last.
    private static int ConstrainedSortKeyCount(IIndex index, List<DynamoDbCondition> conjuncts)
    {
        var count = 0;
        foreach (var sortKey in index.GetIndexSortKeyProperties())
        {
            if (!conjuncts.Any(c => IsSortKeyCondition(c, sortKey)))
            {
                break;
            }

            count++;
            if (!conjuncts.Any(c => IsComparison(c, sortKey, ComparisonOperator.Equal)))
            {
                break;
            }
        }

        return count;
    }

    // The first sort key attribute the query does not fix with `==`: the one the index's order starts with.
    private static IProperty? FirstUnfixedSortKey(IIndex index, List<DynamoDbCondition> conjuncts)
        => index.GetIndexSortKeyProperties().FirstOrDefault(s => !conjuncts.Any(c => IsComparison(c, s, ComparisonOperator.Equal)));

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

        // A Query per partition key value returns the items of several partitions: only the client can order them.
        if (query.AccessPath == DynamoDbAccessPath.Query && query.PartitionKeyValues is null)
        {
            // The key attributes fixed with `==` are fixed, so ordering by them changes nothing.
            var fixedKeys = query.KeyEqualities.Prepend(query.PartitionKeyCondition!)
                .Append(query.SortKeyCondition as ComparisonCondition)
                .Where(c => c?.Operator == ComparisonOperator.Equal)
                .Select(c => c!.Property)
                .ToHashSet();
            var effective = orderings.Where(o => !fixedKeys.Contains(o.Property)).ToList();
            if (effective.Count == 0)
            {
                query.SetOrderingStrategy(scanIndexForward: true, ordersOnClient: false);
                return;
            }

            // DynamoDB returns a partition's items ordered by the sort key attributes, in key order, all in one
            // direction. A table's sort key is unique within a partition, so later orderings cannot reorder its
            // items; an index's sort key is not, so there the orderings must be a leading run of its sort attributes.
            var sortKey = query.SortKeyProperties.Where(p => !fixedKeys.Contains(p)).ToList();
            if ((query.Index is null && effective[0].Property == query.SortKeyProperty)
                || (effective.Count <= sortKey.Count
                    && effective.Select(o => o.Property).SequenceEqual(sortKey.Take(effective.Count))
                    && effective.All(o => o.Ascending == effective[0].Ascending)))
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
        // An equality lets the key condition go on to the next attribute of a multi-attribute sort key.
        if (TakeComparison(conjuncts, sortKey, ComparisonOperator.Equal) is { } equality)
        {
            return equality;
        }

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
