using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>
/// Reads the JSON of a logged request (<see cref="DynamoDbRequestEventData.RequestDetails" />, present with
/// sensitive data logging) or of <c>ToQueryString()</c>: members, and the attribute names an expression refers to
/// through its <c>#placeholders</c>.
/// </summary>
public static class RequestJson
{
    /// <summary>The request details as JSON; fails when the context did not enable sensitive data logging.</summary>
    public static JsonElement Details(this DynamoDbRequestEventData request)
    {
        Assert.NotNull(request.RequestDetails);
        using var document = JsonDocument.Parse(request.RequestDetails);
        return document.RootElement.Clone();
    }

    /// <summary>A string member, or null when the request does not have it.</summary>
    public static string? String(this JsonElement request, string member)
        => request.TryGetProperty(member, out var value) ? value.GetString() : null;

    /// <summary>An integer member, or null when the request does not have it.</summary>
    public static int? Int(this JsonElement request, string member)
        => request.TryGetProperty(member, out var value) ? value.GetInt32() : null;

    /// <summary>A boolean member, or null when the request does not have it.</summary>
    public static bool? Bool(this JsonElement request, string member)
        => request.TryGetProperty(member, out var value) ? value.GetBoolean() : null;

    /// <summary>
    /// The attribute names an expression of the request (KeyConditionExpression, FilterExpression,
    /// ProjectionExpression) refers to, sorted ordinally; empty when the request has no such expression.
    /// </summary>
    public static List<string> ReferencedNames(this JsonElement request, string expressionMember)
    {
        if (request.String(expressionMember) is not { } expression)
        {
            return [];
        }

        return request.GetProperty("ExpressionAttributeNames").EnumerateObject()
            .Where(p => Regex.IsMatch(expression, Regex.Escape(p.Name) + @"(?![A-Za-z0-9_])"))
            .Select(p => p.Value.GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The attribute names of the request's ProjectionExpression, sorted; empty when it reads whole items.</summary>
    public static List<string> ProjectedNames(this JsonElement request) => request.ReferencedNames("ProjectionExpression");

    /// <summary>The ExpressionAttributeValues as text ("S:c1", "N:5"), by placeholder.</summary>
    public static Dictionary<string, string> Values(this JsonElement request)
        => request.TryGetProperty("ExpressionAttributeValues", out var values)
            ? values.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.Object
                    ? string.Join(",", p.Value.EnumerateObject().Select(t => t.Name + ":" + t.Value))
                    : p.Value.ToString())
            : [];

    /// <summary>The requests of a ToQueryString() text: one JSON object per request, comment lines left out.</summary>
    public static List<JsonElement> ParseQueryString(string queryString)
    {
        var json = string.Join("\n", queryString.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        var requests = new List<JsonElement>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            requests.Add(document.RootElement.Clone());
        }

        return requests;
    }
}
