using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal.CompositeKeys;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// The key attributes of an item (or of a key) as one text, to tell items apart in memory: two items of one table
/// give the same text exactly when they have the same key.
/// </summary>
public static class ItemKeyText
{
    /// <summary>The types and values of the key attributes of the entity type's table, partition key first.</summary>
    public static string Of(IReadOnlyDictionary<string, AttributeValue> itemOrKey, IEntityType entityType)
    {
        // A table key has one or two attributes: their texts are joined in one string, without a builder.
        var names = ItemKeySchema.Of(entityType).AttributeNames;
        var partitionKey = itemOrKey[names[0]];
        if (names.Count == 1)
        {
            return string.Concat(TypeOf(partitionKey), ValueOf(partitionKey));
        }

        var sortKey = itemOrKey[names[1]];
        return string.Concat([TypeOf(partitionKey), ValueOf(partitionKey), "\u001f", TypeOf(sortKey), ValueOf(sortKey)]);
    }

    private static string TypeOf(AttributeValue keyValue) => keyValue.S is not null ? "S:" : keyValue.N is not null ? "N:" : "B:";

    /// <summary>A key attribute's value as text: the string, the number, or the binary in base64.</summary>
    public static string ValueOf(AttributeValue keyValue) => keyValue.S ?? keyValue.N ?? Convert.ToBase64String(keyValue.B.ToArray());
}
