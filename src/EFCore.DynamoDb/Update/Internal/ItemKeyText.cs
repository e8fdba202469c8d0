using System.Text;
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
        var text = new StringBuilder();
        foreach (var name in ItemKeySchema.Of(entityType).AttributeNames)
        {
            var value = itemOrKey[name];
            text.Append(text.Length == 0 ? "" : "\u001f").Append(value.S is not null ? "S:" : value.N is not null ? "N:" : "B:").Append(ValueOf(value));
        }

        return text.ToString();
    }

    /// <summary>A key attribute's value as text: the string, the number, or the binary in base64.</summary>
    public static string ValueOf(AttributeValue keyValue) => keyValue.S ?? keyValue.N ?? Convert.ToBase64String(keyValue.B.ToArray());
}
