using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.ClientEvaluation;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.CompositeKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Builds the GetItem, BatchGetItem, Query or Scan requests of one compiled query from the values of each
/// execution. Created once per query shape; everything that does not depend on parameter values is decided up
/// front.
/// </summary>
public sealed class DynamoDbReadRequestBuilder
{
    /// <summary>The most keys one BatchGetItem request may hold.</summary>
    public const int MaxBatchGetKeys = 100;

    /// <summary>The most items one TransactGetItems request may read.</summary>
    public const int MaxTransactGetKeys = 100;

    private readonly DynamoDbQueryExpression _query;
    private readonly IReadOnlyList<IProperty>? _projectedProperties;
    private readonly string? _compositeSortKeyAttribute;
    private readonly bool _mayScanTableInstead;
    private readonly DynamoDbCondition? _tableScanFilter;
    private ContinuationTokenSerializer? _continuationTokens;
    private ContinuationTokenSerializer? _tableContinuationTokens;

    /// <summary>
    /// Creates the builder for a translated query whose access path has been chosen. When the result reads no value
    /// of the items (<paramref name="readsNoValues" />: Count, Any, All), the items read for it carry only their key
    /// and what the provider itself needs.
    /// </summary>
    public DynamoDbReadRequestBuilder(DynamoDbQueryExpression query, string tableName, bool readsNoValues = false)
    {
        _query = query;
        TableName = tableName;
        _mayScanTableInstead = query.AccessPath == DynamoDbAccessPath.Query && query.Index is not null && query.RequiredIndexName is null;
        _tableScanFilter = _mayScanTableInstead
            ? DynamoDbCondition.And(DynamoDbCondition.Conjuncts(query.Predicate!).Where(c => !ClientPredicateCondition.IsIn(c)))
            : null;
        // A check over a complex collection's elements reads their maps, which a projection of properties cannot name.
        var checksWholeItems = query.ClientFilter is { } clientFilter && ClientPredicateCondition.FindAll(clientFilter).Any(c => c.ReadsWholeItem);
        if ((query.IsProjection || readsNoValues) && !checksWholeItems)
        {
            _compositeSortKeyAttribute = TableKeyEntityType(query.EntityType).GetCompositeSortKeyAttributeName();
            // A projection also reads what the provider itself needs: the ordering keys to sort on the client, the
            // key of a page's last item (its continuation token), the attributes checked on each returned item. A
            // GetItem or BatchGetItem returns an item without any of the attributes projected as no attributes at all,
            // which reads as no item: its partition key tells the two apart.
            _projectedProperties = (readsNoValues ? TableKeyProperties(query.EntityType) : query.ProjectedProperties)
                .Concat(query.AccessPath is DynamoDbAccessPath.GetItem or DynamoDbAccessPath.BatchGetItem ? [query.EntityType.GetPartitionKeyProperty()!] : [])
                .Concat(MayOrderOnClient ? query.Orderings.Select(o => o.Property) : [])
                .Concat(query.PageRequestParameterName is null ? [] : ContinuationTokenSerializer.KeyProperties(query.EntityType, query.Index))
                .Concat(query.ClientFilter is null ? [] : DynamoDbCondition.Properties(query.ClientFilter))
                .Distinct()
                .ToList();
        }
    }

    /// <summary>
    /// The key of the items an entity type reads: its own, or for a keyless entity type (a view over the items of a
    /// keyed type's table) the key of the table's keyed type, whose attributes every item of the table carries.
    /// </summary>
    private static IReadOnlyList<IProperty> TableKeyProperties(IEntityType entityType)
        => TableKeyEntityType(entityType).FindPrimaryKey()!.Properties;

    private static IEntityType TableKeyEntityType(IEntityType entityType)
        => entityType.FindPrimaryKey() is not null
            ? entityType
            : entityType.Model.GetEntityTypes()
                .First(e => e.BaseType is null && !e.IsOwned() && e.FindPrimaryKey() is not null && e.GetTableName() == entityType.GetTableName());

    // A projection of a table whose key has three or more properties also reads the composite sort-key attribute: a
    // page's continuation token and the writes of ExecuteUpdate/ExecuteDelete address items by it.
    private string WriteProjection(ConditionExpressionWriter writer)
        => writer.WriteProjection(_projectedProperties!, _compositeSortKeyAttribute);

    /// <summary>The table the query reads.</summary>
    public string TableName { get; }

    /// <summary>Writes and reads the continuation tokens of this query's pages.</summary>
    public ContinuationTokenSerializer ContinuationTokens => _continuationTokens ??= new ContinuationTokenSerializer(TableName, _query.Index, _query.EntityType);

    /// <summary>
    /// The continuation tokens of this execution's pages: those of the table when it scans the table instead of
    /// the index (see <see cref="ScansTableInstead" />).
    /// </summary>
    public ContinuationTokenSerializer ContinuationTokensFor(QueryContext queryContext)
        => ScansTableInstead(queryContext)
            ? _tableContinuationTokens ??= new ContinuationTokenSerializer(TableName, null, _query.EntityType)
            : ContinuationTokens;

    /// <summary>
    /// True when this execution reads the table instead of the secondary index the provider chose: a value compared
    /// with <c>==</c> to one of the index's keys is null, and an index holds no item without its key attributes. The
    /// query then scans the table with its whole predicate as the filter and orders on the client. An index named
    /// with <c>WithIndex</c> is read as asked.
    /// </summary>
    public bool ScansTableInstead(QueryContext queryContext)
        => _mayScanTableInstead
            // A Query per partition key value drops the null values: no request reads the index with a null key.
            && _query.PartitionKeyValues is null
            && DynamoDbCondition.Conjuncts(_query.Predicate!).OfType<ComparisonCondition>().Any(c =>
                c.Operator == Expressions.ComparisonOperator.Equal
                && _query.Index!.GetIndexKeyProperties().Contains(c.Property)
                && c.Value.Evaluate(queryContext, c.Property.ClrType) is null);

    /// <summary>
    /// True when an execution may sort the items on the client: always when DynamoDB cannot give the order, and
    /// for an ordered query on an index the provider chose, when it scans the table instead (see
    /// <see cref="ScansTableInstead" />).
    /// </summary>
    public bool MayOrderOnClient => _query.OrdersOnClient || (_mayScanTableInstead && _query.Orderings.Count > 0);

    /// <summary>The query this builder serves.</summary>
    public DynamoDbQueryExpression Query => _query;

    /// <summary>The operation.</summary>
    public DynamoDbAccessPath AccessPath => _query.AccessPath;

    /// <summary>
    /// True when DynamoDB's Limit may be set to the number of items the window needs: DynamoDB's Limit counts
    /// items evaluated, not returned, so a filter, a client-side sort or de-duplication make it inexact.
    /// </summary>
    public bool LimitIsExact => _query.Filter is null && _query.ClientFilter is null && !_query.OrdersOnClient && !_query.IsDistinct;

    /// <summary>The GetItem request, or null when a key value is null (no item can match).</summary>
    public GetItemRequest? CreateGetItemRequest(QueryContext queryContext)
    {
        var key = new Dictionary<string, AttributeValue>(2);
        if (_query.ReadsCompositeKey)
        {
            if (ItemKeySchema.Of(_query.EntityType).CreateKey(EvaluateKeyEqualities(queryContext)) is not { } compositeKey)
            {
                return null;
            }

            key = compositeKey;
        }
        else if (!TryAddKey(key, _query.PartitionKeyCondition!.Property, _query.PartitionKeyCondition.Value.Evaluate(queryContext, _query.PartitionKeyCondition.Property.ClrType))
            || (_query.SortKeyCondition is ComparisonCondition sortKey
                && !TryAddKey(key, sortKey.Property, sortKey.Value.Evaluate(queryContext, sortKey.Property.ClrType))))
        {
            return null;
        }

        var request = new GetItemRequest { TableName = TableName, Key = key };
        if (_query.ConsistentRead)
        {
            request.ConsistentRead = true;
        }

        if (_projectedProperties is not null)
        {
            var writer = new ConditionExpressionWriter(queryContext);
            request.ProjectionExpression = WriteProjection(writer);
            request.ExpressionAttributeNames = writer.Names;
        }

        return request;
    }

    /// <summary>
    /// The keys of a BatchGetItem, distinct and in the order given, split into requests of at most 100 keys. Null
    /// keys are dropped: no item has them.
    /// </summary>
    public IReadOnlyList<BatchGetItemRequest> CreateBatchGetItemRequests(QueryContext queryContext)
    {
        var keys = CreateKeys(queryContext);
        var (projection, names) = CreateProjection(queryContext);
        return keys.Chunk(MaxBatchGetKeys)
            .Select(chunk => new BatchGetItemRequest
            {
                RequestItems = new Dictionary<string, KeysAndAttributes>
                {
                    [TableName] = new()
                    {
                        Keys = chunk.ToList(),
                        ConsistentRead = _query.ConsistentRead ? true : null,
                        ProjectionExpression = projection,
                        ExpressionAttributeNames = names,
                    },
                },
            })
            .ToList();
    }

    /// <summary>
    /// The TransactGetItems request of a transactional read (<c>WithTransactionalRead</c>): one Get per distinct key
    /// of the GetItem or BatchGetItem the query would be, at most 100 (checked before anything is sent); null when
    /// no key is left (null keys match no item).
    /// </summary>
    public TransactGetItemsRequest? CreateTransactGetItemsRequest(QueryContext queryContext)
    {
        var keys = _query.AccessPath == DynamoDbAccessPath.GetItem
            ? CreateGetItemRequest(queryContext) is { } get ? [get.Key] : []
            : CreateKeys(queryContext);
        if (keys.Count > MaxTransactGetKeys)
        {
            throw new InvalidOperationException(DynamoDbStrings.TransactionalReadTooManyKeys(_query.EntityType.DisplayName(), keys.Count));
        }

        if (keys.Count == 0)
        {
            return null;
        }

        var (projection, names) = CreateProjection(queryContext);
        return new TransactGetItemsRequest
        {
            TransactItems = keys
                .Select(key => new TransactGetItem
                {
                    Get = new Get { TableName = TableName, Key = key, ProjectionExpression = projection, ExpressionAttributeNames = names },
                })
                .ToList(),
        };
    }

    // The whole keys of a BatchGetItem-shaped query: distinct, in the order given, null ones dropped.
    private List<Dictionary<string, AttributeValue>> CreateKeys(QueryContext queryContext)
    {
        var keys = new List<Dictionary<string, AttributeValue>>();
        var seen = new HashSet<object>();
        if (_query.ReadsCompositeKey)
        {
            // The partition key and the leading parts are fixed; each value of the last part's IN makes a key.
            var keySchema = ItemKeySchema.Of(_query.EntityType);
            var values = EvaluateKeyEqualities(queryContext);
            var lastIn = (InCondition)_query.SortKeyCondition!;
            foreach (var value in lastIn.Evaluate(queryContext).OfType<object>())
            {
                values[lastIn.Property] = value;
                if (seen.Add(value) && keySchema.CreateKey(values) is { } key)
                {
                    keys.Add(key);
                }
            }
        }
        else if (_query.PartitionKeyIn is { } partitionKeyIn)
        {
            foreach (var value in partitionKeyIn.Evaluate(queryContext).OfType<object>())
            {
                var key = new Dictionary<string, AttributeValue>(1);
                if (seen.Add(value) && TryAddKey(key, partitionKeyIn.Property, value))
                {
                    keys.Add(key);
                }
            }
        }
        else
        {
            var partitionKey = _query.PartitionKeyCondition!;
            var partitionKeyValue = partitionKey.Value.Evaluate(queryContext, partitionKey.Property.ClrType);
            var sortKeyIn = (InCondition)_query.SortKeyCondition!;
            foreach (var value in sortKeyIn.Evaluate(queryContext).OfType<object>())
            {
                var key = new Dictionary<string, AttributeValue>(2);
                if (seen.Add(value) && TryAddKey(key, partitionKey.Property, partitionKeyValue) && TryAddKey(key, sortKeyIn.Property, value))
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }

    // The ProjectionExpression (and its names) of a key lookup that reads only some attributes, else nulls.
    private (string? Projection, Dictionary<string, string>? Names) CreateProjection(QueryContext queryContext)
    {
        if (_projectedProperties is null)
        {
            return (null, null);
        }

        var writer = new ConditionExpressionWriter(queryContext);
        return (WriteProjection(writer), writer.Names);
    }

    /// <summary>The first Query request, or null when a key value is null (no item can match).</summary>
    public QueryRequest? CreateQueryRequest(QueryContext queryContext, RowWindow window, bool count = false)
    {
        var writer = new ConditionExpressionWriter(queryContext);
        var keyCondition = _query.ReadsCompositeKey
            ? writer.WriteCompositeKeyCondition(ItemKeySchema.Of(_query.EntityType), _query.PartitionKeyCondition!, _query.KeyEqualities, _query.SortKeyCondition)
            : writer.WriteKeyCondition(_query.PartitionKeyCondition!, _query.KeyEqualities, _query.SortKeyCondition);
        if (keyCondition is null)
        {
            return null;
        }

        var request = new QueryRequest
        {
            TableName = TableName,
            IndexName = _query.Index?.GetSecondaryIndexName(),
            KeyConditionExpression = keyCondition,
            FilterExpression = _query.Filter is { } filter ? writer.Write(filter) : null,
        };
        if (!_query.ScanIndexForward)
        {
            request.ScanIndexForward = false;
        }

        Complete(request, writer, window, count, LimitIsExact, (r, v) => r.ConsistentRead = v, (r, v) => r.Limit = v, (r, v) => r.ProjectionExpression = v, (r, v) => r.Select = v);
        request.ExpressionAttributeNames = writer.Names;
        request.ExpressionAttributeValues = writer.Values.Count > 0 ? writer.Values : null;
        return request;
    }

    /// <summary>
    /// The first Query request of each distinct non-null value of a Query per partition key value
    /// (<see cref="DynamoDbQueryExpression.PartitionKeyValues" />), in the order given: the request an <c>==</c> on the
    /// key with that value would send.
    /// </summary>
    public IReadOnlyList<QueryRequest> CreatePartitionKeyQueryRequests(QueryContext queryContext, RowWindow window)
    {
        var requests = new List<QueryRequest>();
        foreach (var value in _query.PartitionKeyValues!.Evaluate(queryContext, distinct: true))
        {
            queryContext.Parameters[DynamoDbQueryExpression.EachPartitionKeyParameterName] = value;
            if (value is not null && CreateQueryRequest(queryContext, window) is { } request)
            {
                requests.Add(request);
            }
        }

        return requests;
    }

    /// <summary>
    /// The first Scan request (of one segment of a parallel scan, when <paramref name="segment" /> is given); for a
    /// Query, the scan of the table that reads it instead (see <see cref="ScansTableInstead" />).
    /// </summary>
    public ScanRequest CreateScanRequest(QueryContext queryContext, RowWindow window, bool count = false, int? segment = null)
    {
        var tableInstead = _query.AccessPath == DynamoDbAccessPath.Query;
        var writer = new ConditionExpressionWriter(queryContext);
        var request = new ScanRequest
        {
            TableName = TableName,
            IndexName = tableInstead ? null : _query.Index?.GetSecondaryIndexName(),
            FilterExpression = (tableInstead ? _tableScanFilter : _query.Filter) is { } filter ? writer.Write(filter) : null,
        };
        if (segment is { } segmentNumber)
        {
            request.Segment = segmentNumber;
            request.TotalSegments = _query.ParallelScanSegments;
        }

        Complete(request, writer, window, count, !tableInstead && LimitIsExact, (r, v) => r.ConsistentRead = v, (r, v) => r.Limit = v, (r, v) => r.ProjectionExpression = v, (r, v) => r.Select = v);
        request.ExpressionAttributeNames = writer.Names.Count > 0 ? writer.Names : null;
        request.ExpressionAttributeValues = writer.Values.Count > 0 ? writer.Values : null;
        return request;
    }

    // The members Query and Scan requests share, set through accessors because the SDK gives them no common type.
    private void Complete<TRequest>(
        TRequest request,
        ConditionExpressionWriter writer,
        RowWindow window,
        bool count,
        bool limitIsExact,
        Action<TRequest, bool> setConsistentRead,
        Action<TRequest, int> setLimit,
        Action<TRequest, string> setProjection,
        Action<TRequest, Select> setSelect)
    {
        if (_query.ConsistentRead)
        {
            setConsistentRead(request, true);
        }

        if (limitIsExact && window.ItemsNeeded is { } needed && needed > 0)
        {
            setLimit(request, needed);
        }

        if (count)
        {
            setSelect(request, Select.COUNT);
        }
        else if (_projectedProperties is not null)
        {
            setProjection(request, WriteProjection(writer));
        }
    }

    // The values of the key equalities of a GetItem or BatchGetItem by composite key: the partition key and the parts.
    private Dictionary<IProperty, object?> EvaluateKeyEqualities(QueryContext queryContext)
        => _query.KeyEqualities.Prepend(_query.PartitionKeyCondition!)
            .ToDictionary(c => c.Property, c => c.Value.Evaluate(queryContext, c.Property.ClrType));

    private static bool TryAddKey(Dictionary<string, AttributeValue> key, IProperty property, object? value)
    {
        if (value is null)
        {
            return false;
        }

        key[property.GetAttributeName()] = ((DynamoDbTypeMapping)property.GetTypeMapping()).CreateAttributeValue(value);
        return true;
    }
}
