using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// One entity's write, with its condition: sent alone as PutItem, UpdateItem or DeleteItem, or as one action of a
/// TransactWriteItems request.
/// </summary>
public sealed class DynamoDbWriteCommand
{
    /// <summary>Creates a command.</summary>
    public DynamoDbWriteCommand(
        IUpdateEntry entry,
        DynamoDbWriteOperation operation,
        string tableName,
        Dictionary<string, AttributeValue> keyOrItem,
        string? updateExpression,
        string conditionExpression,
        Dictionary<string, string> names,
        Dictionary<string, AttributeValue>? values)
    {
        Entry = entry;
        Operation = operation;
        TableName = tableName;
        KeyOrItem = keyOrItem;
        UpdateExpression = updateExpression;
        ConditionExpression = conditionExpression;
        Names = names;
        Values = values is { Count: > 0 } ? values : null;
    }

    /// <summary>The entity being written.</summary>
    public IUpdateEntry Entry { get; }

    /// <summary>The operation.</summary>
    public DynamoDbWriteOperation Operation { get; }

    /// <summary>The table.</summary>
    public string TableName { get; }

    /// <summary>The whole item of a Put; the key of an Update or Delete.</summary>
    public Dictionary<string, AttributeValue> KeyOrItem { get; }

    /// <summary>The SET/REMOVE clauses of an Update.</summary>
    public string? UpdateExpression { get; }

    /// <summary>The condition: the key's (non-)existence and the original values of concurrency tokens.</summary>
    public string ConditionExpression { get; }

    /// <summary>ExpressionAttributeNames.</summary>
    public Dictionary<string, string> Names { get; }

    /// <summary>ExpressionAttributeValues, or null when the expressions use none.</summary>
    public Dictionary<string, AttributeValue>? Values { get; }

    /// <summary>The request that sends this command on its own.</summary>
    public AmazonDynamoDBRequest CreateRequest()
        => Operation switch
        {
            DynamoDbWriteOperation.Put => new PutItemRequest
            {
                TableName = TableName,
                Item = KeyOrItem,
                ConditionExpression = ConditionExpression,
                ExpressionAttributeNames = Names,
                ExpressionAttributeValues = Values,
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            },
            DynamoDbWriteOperation.Update => new UpdateItemRequest
            {
                TableName = TableName,
                Key = KeyOrItem,
                UpdateExpression = UpdateExpression,
                ConditionExpression = ConditionExpression,
                ExpressionAttributeNames = Names,
                ExpressionAttributeValues = Values,
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            },
            _ => new DeleteItemRequest
            {
                TableName = TableName,
                Key = KeyOrItem,
                ConditionExpression = ConditionExpression,
                ExpressionAttributeNames = Names,
                ExpressionAttributeValues = Values,
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            },
        };

    /// <summary>This command as one action of a transaction.</summary>
    public TransactWriteItem CreateTransactItem()
        => Operation switch
        {
            DynamoDbWriteOperation.Put => new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = TableName,
                    Item = KeyOrItem,
                    ConditionExpression = ConditionExpression,
                    ExpressionAttributeNames = Names,
                    ExpressionAttributeValues = Values,
                },
            },
            DynamoDbWriteOperation.Update => new TransactWriteItem
            {
                Update = new Amazon.DynamoDBv2.Model.Update
                {
                    TableName = TableName,
                    Key = KeyOrItem,
                    UpdateExpression = UpdateExpression,
                    ConditionExpression = ConditionExpression,
                    ExpressionAttributeNames = Names,
                    ExpressionAttributeValues = Values,
                },
            },
            _ => new TransactWriteItem
            {
                Delete = new Delete
                {
                    TableName = TableName,
                    Key = KeyOrItem,
                    ConditionExpression = ConditionExpression,
                    ExpressionAttributeNames = Names,
                    ExpressionAttributeValues = Values,
                },
            },
        };
}
