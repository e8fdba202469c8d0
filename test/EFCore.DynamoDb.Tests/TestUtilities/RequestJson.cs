using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>Reads the request JSON that <c>ToQueryString</c> returns, in DynamoDB's wire format.</summary>
public static class RequestJson
{
    /// <summary>The first request the query would send, parsed (the "--" note lines after the JSON are left out).</summary>
    public static JsonElement Of(IQueryable query) => All(query)[0];

    /// <summary>Every request the query would send first (several for a parallel scan or a large BatchGetItem), parsed.</summary>
    public static IReadOnlyList<JsonElement> All(IQueryable query)
    {
        var json = string.Join('\n', query.ToQueryString().Split('\n').TakeWhile(line => !line.StartsWith("--", StringComparison.Ordinal)));
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { AllowMultipleValues = true });
        var requests = new List<JsonElement>();
        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            requests.Add(document.RootElement.Clone());
        }

        return requests;
    }

    /// <summary>The "--" note lines <c>ToQueryString</c> writes after (or instead of) the requests.</summary>
    public static IReadOnlyList<string> Notes(IQueryable query)
        => query.ToQueryString().Split(Environment.NewLine).Where(line => line.StartsWith("--", StringComparison.Ordinal)).ToList();

    /// <summary>A string member of the request, or null when the request does not have it.</summary>
    public static string? Member(this JsonElement request, string name)
        => request.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>The ExpressionAttributeNames, empty when the request has none.</summary>
    public static Dictionary<string, string> Names(this JsonElement request)
        => request.TryGetProperty("ExpressionAttributeNames", out var names)
            ? names.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];

    /// <summary>A map of attribute values (ExpressionAttributeValues, Key…) as "type:text", empty when missing.</summary>
    public static Dictionary<string, string> Map(this JsonElement request, string name)
        => request.TryGetProperty(name, out var map)
            ? map.EnumerateObject().ToDictionary(p => p.Name, p => Describe(p.Value))
            : [];

    /// <summary>The ExpressionAttributeValues as "type:text".</summary>
    public static Dictionary<string, string> Values(this JsonElement request) => request.Map("ExpressionAttributeValues");

    /// <summary>The KeysAndAttributes of one table in a BatchGetItem request.</summary>
    public static JsonElement BatchTable(this JsonElement request, string tableName)
        => request.GetProperty("RequestItems").GetProperty(tableName);

    /// <summary>The keys of one table in a BatchGetItem request, each as its attributes' "type:text" joined by "/".</summary>
    public static List<string> BatchKeys(this JsonElement request, string tableName)
        => request.BatchTable(tableName).GetProperty("Keys").EnumerateArray()
            .Select(key => string.Join("/", key.EnumerateObject().Select(a => Describe(a.Value))))
            .ToList();

    private static string Describe(JsonElement attributeValue)
    {
        var typed = attributeValue.EnumerateObject().Single();
        return typed.Name + ":" + (typed.Value.ValueKind switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => typed.Value.GetString(),
        });
    }
}
