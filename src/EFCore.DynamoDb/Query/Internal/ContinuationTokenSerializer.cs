using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Turns the key of a page's last item into an opaque continuation token and back. The token names the table and
/// index it belongs to and carries a checksum, so a token from another query, or one altered in transit, is a
/// clear <see cref="ArgumentException" /> instead of a DynamoDB ValidationException or a wrong page.
/// </summary>
public sealed class ContinuationTokenSerializer
{
    private readonly string _scope;
    private readonly IReadOnlyList<(string Name, DynamoDbAttributeType Type)> _keyAttributes;

    /// <summary>Creates the serializer for a query on a table, or on one of its indexes.</summary>
    public ContinuationTokenSerializer(string tableName, IIndex? index, IEntityType entityType)
    {
        _scope = index is null ? tableName : tableName + "/" + index.GetSecondaryIndexName();
        _keyAttributes = KeyProperties(entityType, index)
            .Select(p => (p.GetAttributeName(), ((DynamoDbTypeMapping)p.GetTypeMapping()).AttributeType!.Value))
            .Concat(entityType.GetCompositeSortKeyAttributeName() is { } composite ? [(composite, DynamoDbAttributeType.String)] : [])
            .DistinctBy(a => a.Item1)
            .ToList();
    }

    /// <summary>
    /// The properties whose attributes a token holds: the table's keys, and the index's when the query reads one
    /// (DynamoDB continues an index read from both). A table whose key has three or more properties adds its composite
    /// sort-key attribute, which no property stores alone.
    /// </summary>
    public static IEnumerable<IProperty> KeyProperties(IEntityType entityType, IIndex? index)
        => new[] { entityType.GetPartitionKeyProperty(), entityType.GetSortKeyProperty() }
            .OfType<IProperty>()
            .Concat(index?.GetIndexKeyProperties() ?? []);

    /// <summary>The token that continues after <paramref name="item" />.</summary>
    public string Encode(Dictionary<string, AttributeValue> item)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, _) in _keyAttributes)
            {
                writer.WritePropertyName(name);
                DynamoDbRequestJsonWriter.WriteAttributeValue(writer, item[name]);
            }

            writer.WriteEndObject();
        }

        var payload = stream.ToArray();
        return Convert.ToBase64String(Checksum(payload)) + "." + Convert.ToBase64String(payload);
    }

    /// <summary>The ExclusiveStartKey a token continues from; an <see cref="ArgumentException" /> for a bad token.</summary>
    public Dictionary<string, AttributeValue> Decode(string token)
    {
        var separator = token.IndexOf('.', StringComparison.Ordinal);
        byte[] checksum, payload;
        try
        {
            checksum = Convert.FromBase64String(token[..Math.Max(separator, 0)]);
            payload = Convert.FromBase64String(token[(separator + 1)..]);
        }
        catch (FormatException)
        {
            throw Invalid("it is not a token this provider wrote");
        }

        if (separator < 0 || !CryptographicOperations.FixedTimeEquals(checksum, Checksum(payload)))
        {
            throw Invalid("it was altered, or belongs to a query on another table or index");
        }

        var key = new Dictionary<string, AttributeValue>();
        using var document = JsonDocument.Parse(payload);
        foreach (var (name, type) in _keyAttributes)
        {
            if (!document.RootElement.TryGetProperty(name, out var value))
            {
                throw Invalid($"it lacks the key attribute '{name}'");
            }

            var typeName = type switch
            {
                DynamoDbAttributeType.Number => "N",
                DynamoDbAttributeType.Binary => "B",
                _ => "S",
            };

            // A token of a query on an earlier model of the same table may hold the key in another type.
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(typeName, out var typed) || typed.ValueKind != JsonValueKind.String)
            {
                throw Invalid($"its key attribute '{name}' is not of type {typeName}");
            }

            key[name] = type switch
            {
                DynamoDbAttributeType.Number => new AttributeValue { N = typed.GetString() },
                DynamoDbAttributeType.Binary => new AttributeValue { B = new MemoryStream(typed.GetBytesFromBase64()) },
                _ => new AttributeValue { S = typed.GetString() },
            };
        }

        return key;
    }

    // Binds the payload to the table and index; not a secret, so it detects mistakes, not forgeries (a forged
    // token can only start a read of the same table at another key, which the caller may read anyway).
    private byte[] Checksum(byte[] payload)
        => SHA256.HashData([.. Encoding.UTF8.GetBytes(_scope), 0, .. payload])[..12];

    private static ArgumentException Invalid(string reason)
        => new(DynamoDbStrings.InvalidContinuationToken(reason), "continuationToken");
}
