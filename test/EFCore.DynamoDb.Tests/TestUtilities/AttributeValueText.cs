using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>
/// Describes any attribute value, nested ones included, as compact text that states every type exactly:
/// <c>S:a</c>, <c>N:1</c>, <c>BOOL:true</c>, <c>B:0102</c> (hex), <c>NULL</c>, <c>L[S:a, N:1]</c> (in order),
/// <c>M{k=N:1}</c> (keys sorted), <c>SS[a, b]</c>, <c>NS[1, 2]</c>, <c>BS[01, 02]</c> (sets sorted ordinally).
/// </summary>
public static class AttributeValueText
{
    /// <summary>The text of one attribute value.</summary>
    public static string Of(AttributeValue value)
        => value switch
        {
            { S: { } s } => "S:" + s,
            { N: { } n } => "N:" + n,
            { BOOL: { } flag } => "BOOL:" + (flag ? "true" : "false"),
            { B: { } b } => "B:" + Convert.ToHexString(b.ToArray()),
            { NULL: true } => "NULL",
            { L: { } list } => "L[" + string.Join(", ", list.Select(Of)) + "]",
            { M: { } map } => "M{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Of(p.Value))) + "}",
            { SS: { } strings } => "SS[" + string.Join(", ", strings.Order(StringComparer.Ordinal)) + "]",
            { NS: { } numbers } => "NS[" + string.Join(", ", numbers.Order(StringComparer.Ordinal)) + "]",
            { BS: { } binaries } => "BS[" + string.Join(", ", binaries.Select(b => Convert.ToHexString(b.ToArray())).Order(StringComparer.Ordinal)) + "]",
            _ => "?",
        };

    /// <summary>The text of every attribute of an item, by attribute name.</summary>
    public static Dictionary<string, string> Of(Dictionary<string, AttributeValue> item)
        => item.ToDictionary(p => p.Key, p => Of(p.Value));
}
