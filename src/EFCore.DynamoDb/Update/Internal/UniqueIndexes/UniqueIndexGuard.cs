using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Update.Internal.UniqueIndexes;

/// <summary>
/// One action on the unique-index guard table, sent in the same TransactWriteItems as the entity's own write: the Put
/// of the guard item that claims a value of a unique index for the entity's item, or the Delete of the guard that
/// releases the value it held. A guard names its owner (the table and key of the entity's item), so a guard may only
/// be replaced or deleted by its owner, and the same write sent again finds its own guard and succeeds.
/// </summary>
public sealed class UniqueIndexGuard(
    DynamoDbWriteCommand command,
    IIndex index,
    string tableName,
    string guardKey,
    bool claims,
    string valueDescription)
{
    /// <summary>The entity write this guard belongs to.</summary>
    public DynamoDbWriteCommand Command { get; } = command;

    /// <summary>The unique index.</summary>
    public IIndex Index { get; } = index;

    /// <summary>The guard table.</summary>
    public string TableName { get; } = tableName;

    /// <summary>The guard item's key: the entity's table, the index's attributes and the values.</summary>
    public string GuardKey { get; } = guardKey;

    /// <summary>True for the Put that claims a value, false for the Delete that releases one.</summary>
    public bool Claims { get; } = claims;

    /// <summary>The values, as a message shows them (with sensitive data logging only).</summary>
    public string ValueDescription { get; } = valueDescription;

    /// <summary>The item whose write this guard belongs to: its table and key values.</summary>
    public string Owner => Command.ItemIdentity;

    /// <summary>
    /// The owner of a guard this save releases and this claim takes over (a value moved from one entity to another in
    /// one save): DynamoDB refuses two actions on one item in a transaction, so the Delete is folded into this Put.
    /// </summary>
    public string? ReleasedOwner { get; set; }

    /// <summary>This guard as one action of a transaction.</summary>
    public TransactWriteItem CreateTransactItem()
    {
        var names = new Dictionary<string, string> { ["#g"] = UniqueIndexGuardTable.KeyAttribute, ["#o"] = UniqueIndexGuardTable.OwnerAttribute };
        var values = new Dictionary<string, AttributeValue> { [":o"] = new() { S = Owner } };
        var condition = "attribute_not_exists(#g) OR #o = :o";
        if (ReleasedOwner is not null)
        {
            values[":r"] = new AttributeValue { S = ReleasedOwner };
            condition += " OR #o = :r";
        }

        return Claims
            ? new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = TableName,
                    Item = new Dictionary<string, AttributeValue>
                    {
                        [UniqueIndexGuardTable.KeyAttribute] = new() { S = GuardKey },
                        [UniqueIndexGuardTable.OwnerAttribute] = new() { S = Owner },
                        [UniqueIndexGuardTable.EntityTypeAttribute] = new() { S = Command.Entry.EntityType.Name },
                    },
                    ConditionExpression = condition,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                },
            }
            : new TransactWriteItem
            {
                Delete = new Delete
                {
                    TableName = TableName,
                    Key = new Dictionary<string, AttributeValue> { [UniqueIndexGuardTable.KeyAttribute] = new() { S = GuardKey } },
                    ConditionExpression = condition,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                },
            };
    }

    /// <summary>The size DynamoDB counts for this action in a transaction (its key, owner and type name).</summary>
    public int Size => GuardKey.Length + Owner.Length + Command.Entry.EntityType.Name.Length + 40;
}
