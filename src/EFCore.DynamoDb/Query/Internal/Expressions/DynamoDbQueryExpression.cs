using System.Linq.Expressions;
using EFCore.DynamoDb.Storage.Internal.CompositeKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// The query being translated, as DynamoDB sees it: one entity type's table, the predicate, the ordering, the
/// rows the LINQ result needs, the attributes it reads, the per-query options; and, once the access-path
/// chooser ran, the operation with its index, key condition and filter. The queryable-method translator changes
/// it operator by operator.
/// </summary>
public sealed class DynamoDbQueryExpression(IEntityType entityType) : Expression, IPrintableExpression
{
    private readonly List<DynamoDbOrdering> _orderings = [];
    private readonly List<RowLimit> _rowLimits = [];
    private readonly List<IProperty> _projectedProperties = [];

    /// <summary>The entity type the query reads.</summary>
    public IEntityType EntityType { get; } = entityType;

    /// <summary>The whole translated predicate, before the access-path chooser splits it.</summary>
    public DynamoDbCondition? Predicate { get; private set; }

    /// <summary>OrderBy/ThenBy keys, outermost first.</summary>
    public IReadOnlyList<DynamoDbOrdering> Orderings => _orderings;

    /// <summary>Skip and Take operations, in the order the query applies them.</summary>
    public IReadOnlyList<RowLimit> RowLimits => _rowLimits;

    /// <summary>
    /// The properties a projection reads, in binding order; empty while the whole item is read (entity results).
    /// </summary>
    public IReadOnlyList<IProperty> ProjectedProperties => _projectedProperties;

    /// <summary>True when the shaper reads only <see cref="ProjectedProperties" />, not the whole entity.</summary>
    public bool IsProjection { get; private set; }

    /// <summary>True when results are de-duplicated (Distinct).</summary>
    public bool IsDistinct { get; private set; }

    /// <summary>
    /// The statement of <c>FromPartiQL</c>, as written (values as <c>{0}</c>… placeholders), and its values; null for
    /// a query of the entity type's table.
    /// </summary>
    public (string Format, QueryValue Arguments)? PartiQL { get; private set; }

    /// <summary>
    /// Makes the query read with the PartiQL statement of <c>FromPartiQL</c>. The predicates applied so far (the type
    /// of a shared table, expired items) are checked on the returned items; later ones are errors.
    /// </summary>
    public void ReadWithPartiQL(string format, QueryValue arguments) => PartiQL = (format, arguments);

    /// <summary>The index named by <c>WithIndex</c>, which the access-path chooser must use.</summary>
    public string? RequiredIndexName { get; set; }

    /// <summary>True for <c>WithConsistentRead()</c>.</summary>
    public bool ConsistentRead { get; set; }

    /// <summary>True for <c>WithTransactionalRead()</c>: the keys are read with TransactGetItems.</summary>
    public bool TransactionalRead { get; set; }

    /// <summary>The number of segments of <c>WithParallelScan(segments)</c>, if any.</summary>
    public int? ParallelScanSegments { get; set; }

    /// <summary>The name of the query parameter that holds <c>ToPageAsync</c>'s page request, if any.</summary>
    public string? PageRequestParameterName { get; set; }

    /// <summary>The chosen operation.</summary>
    public DynamoDbAccessPath AccessPath { get; private set; }

    /// <summary>The secondary index a Query or Scan reads, or null for the table.</summary>
    public IIndex? Index { get; private set; }

    /// <summary>
    /// The sort key of the table or the index the query reads, if it has one sort key attribute (see
    /// <see cref="SortKeyProperties" /> for a multi-attribute one).
    /// </summary>
    public IProperty? SortKeyProperty => Index is null ? EntityType.GetSortKeyProperty() : Index.GetIndexSortKeyProperty();

    /// <summary>
    /// The sort key attributes of the table or the index the query reads, in key order; for a table whose key has three
    /// or more properties, the parts its composite sort key encodes.
    /// </summary>
    public IReadOnlyList<IProperty> SortKeyProperties
        => Index is not null ? Index.GetIndexSortKeyProperties()
            : EntityType.GetSortKeyProperty() is { } sortKey ? [sortKey]
            : EntityType.GetCompositeSortKeyProperties();

    /// <summary>
    /// True when the query reads the table of a key of three or more properties by key: its key condition (or key) is on
    /// the partition key and the composite sort-key attribute, built from <see cref="KeyEqualities" /> (equalities on a
    /// leading run of the parts) and <see cref="SortKeyCondition" /> (a range, or an IN, on the next part).
    /// </summary>
    public bool ReadsCompositeKey
        => Index is null
            && AccessPath is DynamoDbAccessPath.GetItem or DynamoDbAccessPath.BatchGetItem or DynamoDbAccessPath.Query
            && EntityType.FindPrimaryKey() is { Properties.Count: > 2 }
            && ItemKeySchema.Of(EntityType).IsComposite;

    /// <summary>The partition key equality of a GetItem, BatchGetItem or Query.</summary>
    public ComparisonCondition? PartitionKeyCondition { get; private set; }

    /// <summary>
    /// The equalities a Query of an index with a multi-attribute key adds to its key condition, in key order: on
    /// its other partition key attributes, then on a leading run of its sort key attributes; for a table with a
    /// composite sort key (<see cref="ReadsCompositeKey" />), the equalities on a leading run of its parts. Empty otherwise.
    /// </summary>
    public IReadOnlyList<ComparisonCondition> KeyEqualities { get; private set; } = [];

    /// <summary>
    /// The sort key condition: equality for a GetItem; a comparison, BETWEEN or begins_with for a Query; an IN
    /// for a BatchGetItem with a fixed partition key.
    /// </summary>
    public DynamoDbCondition? SortKeyCondition { get; private set; }

    /// <summary>The partition key IN of a BatchGetItem on a table without a sort key.</summary>
    public InCondition? PartitionKeyIn { get; private set; }

    /// <summary>
    /// The query parameter that holds, for each Query of a <see cref="PartitionKeyValues" /> read, the one value that
    /// Query's key condition compares the partition key with.
    /// </summary>
    public const string EachPartitionKeyParameterName = "__each_partition_key";

    /// <summary>
    /// For a Query per partition key value (an IN on the partition key of the table or an index that has a sort key,
    /// as a lookup by foreign key writes it): the IN whose distinct values each get a Query, whose key condition
    /// compares with <see cref="EachPartitionKeyParameterName" />. Null for one Query.
    /// </summary>
    public InCondition? PartitionKeyValues { get; private set; }

    /// <summary>Makes a Query send one request per distinct value of <paramref name="values" /> (see <see cref="PartitionKeyValues" />).</summary>
    public void QueryEachValueOf(InCondition values) => PartitionKeyValues = values;

    /// <summary>What the key condition does not cover: the FilterExpression of a Query or Scan.</summary>
    public DynamoDbCondition? Filter { get; private set; }

    /// <summary>
    /// What the provider checks on each returned item: conditions on a Query's own key attributes that neither its
    /// key condition nor its filter may hold, and the predicate parts DynamoDB cannot express.
    /// </summary>
    public DynamoDbCondition? ClientFilter { get; private set; }

    /// <summary>Whether a Query reads its sort key ascending (ScanIndexForward).</summary>
    public bool ScanIndexForward { get; private set; } = true;

    /// <summary>True when DynamoDB cannot return the requested order, so the provider sorts on the client.</summary>
    public bool OrdersOnClient { get; private set; }

    /// <inheritdoc />
    public override Type Type => typeof(object);

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <summary>True for a predicate that is always false (<c>Where(e => false)</c>): the query sends nothing.</summary>
    public bool MatchesNothing { get; private set; }

    /// <summary>Makes the query match nothing.</summary>
    public void ApplyFalsePredicate() => MatchesNothing = true;

    /// <summary>True once a Skip or Take was applied: later predicates or orderings would change its meaning.</summary>
    public bool HasRowLimits => _rowLimits.Count > 0;

    /// <summary>Adds a predicate, ANDed with any earlier one.</summary>
    public void ApplyPredicate(DynamoDbCondition predicate)
    {
        ThrowIfPartiQL("Where");
        Predicate = Predicate is null ? predicate : new LogicalCondition(true, Predicate, predicate);
    }

    /// <summary>Replaces the ordering (OrderBy) or appends to it (ThenBy).</summary>
    public void ApplyOrdering(DynamoDbOrdering ordering, bool append)
    {
        ThrowIfPartiQL("OrderBy");
        if (!append)
        {
            _orderings.Clear();
        }

        _orderings.Add(ordering);
    }

    /// <summary>Drops the ordering (ExecuteUpdate/ExecuteDelete without Skip/Take, where order changes nothing).</summary>
    public void ClearOrderings() => _orderings.Clear();

    /// <summary>Reverses every ordering (Reverse, and Last via First).</summary>
    public void ReverseOrderings()
    {
        for (var i = 0; i < _orderings.Count; i++)
        {
            _orderings[i] = _orderings[i] with { Ascending = !_orderings[i].Ascending };
        }
    }

    /// <summary>Applies a Skip or Take.</summary>
    public void ApplyRowLimit(RowLimit rowLimit) => _rowLimits.Add(rowLimit);

    /// <summary>Reads only these properties from now on; returns the index of the property's binding.</summary>
    public int AddProjectedProperty(IProperty property)
    {
        IsProjection = true;
        var index = _projectedProperties.IndexOf(property);
        if (index < 0)
        {
            index = _projectedProperties.Count;
            _projectedProperties.Add(property);
        }

        return index;
    }

    /// <summary>Marks the projection as reading the whole entity after all (the entity itself is projected).</summary>
    public void ProjectWholeItem() => IsProjection = false;

    /// <summary>De-duplicates results.</summary>
    public void ApplyDistinct() => IsDistinct = true;

    /// <summary>Records the access-path chooser's decision.</summary>
    public void SetAccessPath(
        DynamoDbAccessPath accessPath,
        IIndex? index,
        ComparisonCondition? partitionKeyCondition,
        DynamoDbCondition? sortKeyCondition,
        InCondition? partitionKeyIn,
        DynamoDbCondition? filter,
        DynamoDbCondition? clientFilter = null,
        IReadOnlyList<ComparisonCondition>? keyEqualities = null)
    {
        KeyEqualities = keyEqualities ?? [];
        PartitionKeyValues = null;
        ClientFilter = clientFilter;
        AccessPath = accessPath;
        Index = index;
        PartitionKeyCondition = partitionKeyCondition;
        SortKeyCondition = sortKeyCondition;
        PartitionKeyIn = partitionKeyIn;
        Filter = filter;
    }

    /// <summary>
    /// Adds conditions the provider checks on each returned item (the predicate parts DynamoDB cannot express),
    /// ANDed with those on the Query's own keys.
    /// </summary>
    public void AddClientFilter(DynamoDbCondition condition)
        => ClientFilter = ClientFilter is null ? condition : new LogicalCondition(true, ClientFilter, condition);

    /// <summary>Records how the ordering is produced: by DynamoDB in this direction, or on the client.</summary>
    public void SetOrderingStrategy(bool scanIndexForward, bool ordersOnClient)
    {
        ScanIndexForward = scanIndexForward;
        OrdersOnClient = ordersOnClient;
    }

    // A PartiQL statement says what it reads: a filter or an order belongs in it, where DynamoDB applies it.
    private void ThrowIfPartiQL(string operatorName)
    {
        if (PartiQL is not null)
        {
            throw new InvalidOperationException(Properties.DynamoDbStrings.PartiQLDoesNotCompose(operatorName, EntityType.DisplayName()));
        }
    }

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    /// <inheritdoc />
    public void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append($"DynamoDb {AccessPath} {EntityType.DisplayName()}{(MatchesNothing ? " FALSE" : "")}");
        if (Index is not null)
        {
            expressionPrinter.Append($" INDEX {Index.GetSecondaryIndexName()}");
        }

        if (PartitionKeyCondition is not null)
        {
            expressionPrinter.Append($" KEY {PartitionKeyCondition}");
        }

        foreach (var keyEquality in KeyEqualities)
        {
            expressionPrinter.Append($" AND {keyEquality}");
        }

        if (PartitionKeyIn is not null)
        {
            expressionPrinter.Append($" KEY {PartitionKeyIn}");
        }

        if (PartitionKeyValues is not null)
        {
            expressionPrinter.Append($" FOR EACH {PartitionKeyValues}");
        }

        if (SortKeyCondition is not null)
        {
            expressionPrinter.Append($" AND {SortKeyCondition}");
        }

        if ((AccessPath == DynamoDbAccessPath.Undecided ? Predicate : Filter) is { } filter)
        {
            expressionPrinter.Append($" FILTER {filter}");
        }

        if (ClientFilter is not null)
        {
            expressionPrinter.Append($" CHECK {ClientFilter}");
        }

        if (_orderings.Count > 0)
        {
            expressionPrinter.Append(" ORDER BY " + string.Join(", ", _orderings.Select(o => o.Property.Name + (o.Ascending ? "" : " DESC"))));
        }

        foreach (var rowLimit in _rowLimits)
        {
            expressionPrinter.Append($" {(rowLimit.IsSkip ? "SKIP" : "TAKE")} {rowLimit.Count}");
        }
    }
}
