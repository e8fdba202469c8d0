using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>Short constructors of raw <see cref="AttributeValue" />s for keys and raw writes.</summary>
public static class Attr
{
    /// <summary>An S value.</summary>
    public static AttributeValue S(string value) => new() { S = value };

    /// <summary>An N value.</summary>
    public static AttributeValue N(string value) => new() { N = value };

    /// <summary>An N value from an integer.</summary>
    public static AttributeValue N(long value) => new() { N = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>A NULL value, as other tools write it.</summary>
    public static AttributeValue Null() => new() { NULL = true };

    /// <summary>A raw value with every type stated, for comparisons: S:a, N:1, L[...], M{k=...} (keys sorted).</summary>
    public static string Text(AttributeValue value)
        => value switch
        {
            { S: { } s } => "S:" + s,
            { N: { } n } => "N:" + n,
            { BOOL: { } flag } => "BOOL:" + (flag ? "true" : "false"),
            { NULL: true } => "NULL",
            { L: { } list } => "L[" + string.Join(", ", list.Select(Text)) + "]",
            { M: { } map } => "M{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Text(p.Value))) + "}",
            _ => "?",
        };
}
