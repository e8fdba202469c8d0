using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>Describes attribute values as "type:text" (S:abc, N:12.5, BOOL:true, B:base64) for exact assertions.</summary>
public static class AttributeValues
{
    public static string Describe(AttributeValue value)
        => value switch
        {
            { S: { } s } => "S:" + s,
            { N: { } n } => "N:" + n,
            { BOOL: { } flag } => "BOOL:" + (flag ? "true" : "false"),
            { B: { } b } => "B:" + Convert.ToBase64String(b.ToArray()),
            { NULL: true } => "NULL:true",
            _ => "?",
        };

    public static Dictionary<string, string>? Describe(Dictionary<string, AttributeValue>? values)
        => values?.ToDictionary(p => p.Key, p => Describe(p.Value));
}
