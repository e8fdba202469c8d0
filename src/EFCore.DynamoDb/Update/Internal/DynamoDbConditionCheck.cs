using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// A condition on an item the save does not write (Dynamoose/Dynamode <c>transaction.condition</c>): one ConditionCheck
/// action of the save's TransactWriteItems, which cancels the whole transaction when the item is missing or the
/// condition is false.
/// </summary>
public sealed class DynamoDbConditionCheck(
    IEntityType entityType,
    string tableName,
    Dictionary<string, AttributeValue> key,
    string keyDescription,
    string conditionExpression,
    Dictionary<string, string> names,
    Dictionary<string, AttributeValue>? values)
{
    /// <summary>The entity type whose item is checked.</summary>
    public IEntityType EntityType { get; } = entityType;

    /// <summary>The table.</summary>
    public string TableName { get; } = tableName;

    /// <summary>The checked item's key.</summary>
    public Dictionary<string, AttributeValue> Key { get; } = key;

    /// <summary>The key for messages: its values only with sensitive data logging.</summary>
    public string KeyDescription { get; } = keyDescription;

    /// <summary>The condition: the item's existence and the user's predicate.</summary>
    public string ConditionExpression { get; } = conditionExpression;

    /// <summary>ExpressionAttributeNames.</summary>
    public Dictionary<string, string> Names { get; } = names;

    /// <summary>ExpressionAttributeValues, or null when the condition uses none.</summary>
    public Dictionary<string, AttributeValue>? Values { get; } = values is { Count: > 0 } ? values : null;

    /// <summary>This check as one action of a transaction; a failure returns the item, to tell a missing item from a false condition.</summary>
    public TransactWriteItem CreateTransactItem()
        => new()
        {
            ConditionCheck = new ConditionCheck
            {
                TableName = TableName,
                Key = Key,
                ConditionExpression = ConditionExpression,
                ExpressionAttributeNames = Names,
                ExpressionAttributeValues = Values,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
        };
}
