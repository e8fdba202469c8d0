using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Builds the GetItem, Query or Scan request of one compiled query from the values of each execution. Created
/// once per query shape; everything that does not depend on parameter values is decided here, up front.
/// </summary>
public sealed class DynamoDbReadRequestBuilder
{
    private readonly DynamoDbQueryExpression _queryExpression;
    private readonly IProperty _partitionKey;

    /// <summary>Creates the builder for a translated query whose access path has been chosen.</summary>
    public DynamoDbReadRequestBuilder(DynamoDbQueryExpression queryExpression, string tableName)
    {
        _queryExpression = queryExpression;
        _partitionKey = queryExpression.EntityType.GetPartitionKeyProperty()!;
        TableName = tableName;
    }

    /// <summary>The table the query reads.</summary>
    public string TableName { get; }

    /// <summary>The operation.</summary>
    public DynamoDbAccessPath AccessPath => _queryExpression.AccessPath;

    /// <summary>The number of matching items the result needs at most, or null for all.</summary>
    public int? ResultLimit => _queryExpression.Limit;

    /// <summary>
    /// The page size to ask DynamoDB for: the result limit, but only without a filter. DynamoDB's Limit counts
    /// items evaluated, not items returned, so with a filter it would cut the result short.
    /// </summary>
    private int? RequestLimit => _queryExpression.Filter is null ? _queryExpression.Limit : null;

    /// <summary>The GetItem request, or null when a key value is null (no item can match).</summary>
    public GetItemRequest? CreateGetItemRequest(QueryContext queryContext)
    {
        var key = new Dictionary<string, AttributeValue>(2);
        if (!TryAddKey(key, _queryExpression.PartitionKeyCondition!, queryContext)
            || (_queryExpression.SortKeyCondition is { } sortKey && !TryAddKey(key, sortKey, queryContext)))
        {
            return null;
        }

        return new GetItemRequest { TableName = TableName, Key = key, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };
    }

    /// <summary>The first Query request, or null when a key value is null (no item can match).</summary>
    public QueryRequest? CreateQueryRequest(QueryContext queryContext)
    {
        var writer = new ConditionExpressionWriter(queryContext, _partitionKey);
        var keyCondition = writer.WriteKeyCondition(_queryExpression.PartitionKeyCondition!, _queryExpression.SortKeyCondition);
        if (keyCondition is null)
        {
            return null;
        }

        var request = new QueryRequest
        {
            TableName = TableName,
            KeyConditionExpression = keyCondition,
            FilterExpression = _queryExpression.Filter is { } filter ? writer.Write(filter) : null,
            ExpressionAttributeNames = writer.Names,
            ExpressionAttributeValues = writer.Values,
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        };
        if (RequestLimit is { } limit)
        {
            request.Limit = limit;
        }

        return request;
    }

    /// <summary>The first Scan request.</summary>
    public ScanRequest CreateScanRequest(QueryContext queryContext)
    {
        var request = new ScanRequest { TableName = TableName, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };
        if (_queryExpression.Filter is { } filter)
        {
            var writer = new ConditionExpressionWriter(queryContext, _partitionKey);
            request.FilterExpression = writer.Write(filter);
            request.ExpressionAttributeNames = writer.Names;
            request.ExpressionAttributeValues = writer.Values;
        }

        if (RequestLimit is { } limit)
        {
            request.Limit = limit;
        }

        return request;
    }

    private static bool TryAddKey(Dictionary<string, AttributeValue> key, ComparisonCondition condition, QueryContext queryContext)
    {
        var property = condition.Property;
        var value = condition.Value.Evaluate(queryContext, property.ClrType);
        if (value is null)
        {
            return false;
        }

        key[property.GetAttributeName()] = ((DynamoDbTypeMapping)property.GetTypeMapping()).CreateAttributeValue(value);
        return true;
    }
}
