using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// True for a Put of an entity added in place of a deleted one with the same key (Remove, then Add): it replaces
    /// the item, conditioned on it existing as the deleted entity was read.
    /// </summary>
    public bool ReplacesItem => Operation == DynamoDbWriteOperation.Put && Entry.SharedIdentityEntry is not null;

    /// <summary>The table and key values of the written item, to find two writes of one item in a save.</summary>
    public string ItemIdentity => TableName + "\u001f" + ItemKeyText.Of(KeyOrItem, Entry.EntityType);

    /// <summary>The size DynamoDB counts for this action in a transaction: its item, or its key and written values.</summary>
    public int Size => DynamoDbItemSize.Of(KeyOrItem) + (Values is null ? 0 : DynamoDbItemSize.Of(Values));

    /// <summary>
    /// True when this is the Put of a new item and the item DynamoDB returned with the failed condition (the Put asks
    /// for it) is exactly the item it sends: the item was written by this very Put, sent before without an answer (a
    /// response lost after DynamoDB applied it, a timeout) and retried, by the SDK or the execution strategy. The
    /// write is then done, not a duplicate.
    /// </summary>
    public bool IsOwnEarlierWrite(ConditionalCheckFailedException failure)
        => Operation == DynamoDbWriteOperation.Put && !ReplacesItem && StoredItemComparer.AreEqual(failure.Item, KeyOrItem);

    /// <summary>
    /// The request that sends this command on its own. A Put asks for the stored item when its condition fails:
    /// to name what it would have replaced, and to recognise its own earlier write (<see cref="IsOwnEarlierWrite" />).
    /// </summary>
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
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
            DynamoDbWriteOperation.Update => new UpdateItemRequest
            {
                TableName = TableName,
                Key = KeyOrItem,
                UpdateExpression = UpdateExpression,
                ConditionExpression = ConditionExpression,
                ExpressionAttributeNames = Names,
                ExpressionAttributeValues = Values,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
            _ => new DeleteItemRequest
            {
                TableName = TableName,
                Key = KeyOrItem,
                ConditionExpression = ConditionExpression,
                ExpressionAttributeNames = Names,
                ExpressionAttributeValues = Values,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
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
                    ReturnValuesOnConditionCheckFailure = ReplacesItem ? ReturnValuesOnConditionCheckFailure.ALL_OLD : null,
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
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
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
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
            },
        };
}
