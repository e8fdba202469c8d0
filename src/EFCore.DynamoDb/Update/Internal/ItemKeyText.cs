using System.Text;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// The key attributes of an item (or of a key) as one text, to tell items apart in memory: two items of one table
/// give the same text exactly when they have the same key.
/// </summary>
public static class ItemKeyText
{
    /// <summary>The types and values of the key attributes, in the key's order.</summary>
    public static string Of(IReadOnlyDictionary<string, AttributeValue> itemOrKey, IReadOnlyList<IProperty> keyProperties)
    {
        // A table key has one or two attributes: their texts are joined in one string, without a builder.
        if (keyProperties.Count <= 2)
        {
            var partitionKey = itemOrKey[keyProperties[0].GetAttributeName()];
            if (keyProperties.Count == 1)
            {
                return string.Concat(TypeOf(partitionKey), ValueOf(partitionKey));
            }

            var sortKey = itemOrKey[keyProperties[1].GetAttributeName()];
            return string.Concat([TypeOf(partitionKey), ValueOf(partitionKey), "\u001f", TypeOf(sortKey), ValueOf(sortKey)]);
        }

        var text = new StringBuilder();
        foreach (var property in keyProperties)
        {
            var value = itemOrKey[property.GetAttributeName()];
            text.Append(text.Length == 0 ? "" : "\u001f").Append(TypeOf(value)).Append(ValueOf(value));
        }

        return text.ToString();
    }

    private static string TypeOf(AttributeValue keyValue) => keyValue.S is not null ? "S:" : keyValue.N is not null ? "N:" : "B:";

    /// <summary>A key attribute's value as text: the string, the number, or the binary in base64.</summary>
    public static string ValueOf(AttributeValue keyValue) => keyValue.S ?? keyValue.N ?? Convert.ToBase64String(keyValue.B.ToArray());
}
