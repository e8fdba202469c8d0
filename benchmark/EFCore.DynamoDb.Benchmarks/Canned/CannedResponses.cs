using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// The JSON bodies DynamoDB answers the benchmarked operations with, for one table's items: GetItem with one item,
/// Query with one page (100 items unless told otherwise, no LastEvaluatedKey), PutItem, BatchWriteItem with
/// nothing unprocessed, and BatchGetItem (empty unless given, nothing unprocessed).
/// </summary>
public sealed class CannedResponses
{
    /// <summary>The items a Query answers with.</summary>
    public const int QueryItemCount = 100;

    /// <summary>The bodies for the items <paramref name="itemOf" /> writes for numbers 0 to <paramref name="queryItemCount" /> - 1.</summary>
    public CannedResponses(Func<int, Dictionary<string, AttributeValue>> itemOf, int queryItemCount = QueryItemCount)
    {
        GetItem = Body(w =>
        {
            w.WritePropertyName("Item");
            WriteItem(w, itemOf(0));
        });
        Query = Body(w =>
        {
            w.WriteNumber("Count", queryItemCount);
            w.WriteNumber("ScannedCount", queryItemCount);
            w.WriteStartArray("Items");
            for (var i = 0; i < queryItemCount; i++)
            {
                WriteItem(w, itemOf(i));
            }

            w.WriteEndArray();
        });
    }

    /// <summary>The GetItem answer.</summary>
    public byte[] GetItem { get; }

    /// <summary>The Query answer.</summary>
    public byte[] Query { get; }

    /// <summary>The PutItem (and UpdateItem) answer.</summary>
    public byte[] PutItem { get; } = "{}"u8.ToArray();

    /// <summary>The BatchGetItem answer (see <see cref="BatchGetBody" />).</summary>
    public byte[] BatchGetItem { get; init; } = """{"Responses":{},"UnprocessedKeys":{}}"""u8.ToArray();

    /// <summary>A BatchGetItem answer returning <paramref name="items" /> of <paramref name="tableName" />, nothing unprocessed.</summary>
    public static byte[] BatchGetBody(string tableName, IEnumerable<Dictionary<string, AttributeValue>> items)
        => Body(w =>
        {
            w.WriteStartObject("Responses");
            w.WriteStartArray(tableName);
            foreach (var item in items)
            {
                WriteItem(w, item);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("UnprocessedKeys");
            w.WriteEndObject();
        });

    /// <summary>The BatchWriteItem answer.</summary>
    public byte[] BatchWriteItem { get; } = """{"UnprocessedItems":{}}"""u8.ToArray();

    private static byte[] Body(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter writer, Dictionary<string, AttributeValue> item)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in item)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        if (value.S is { } s)
        {
            writer.WriteString("S", s);
        }
        else if (value.N is { } n)
        {
            writer.WriteString("N", n);
        }
        else if (value.BOOL is { } b)
        {
            writer.WriteBoolean("BOOL", b);
        }
        else if (value.SS is { Count: > 0 } ss)
        {
            writer.WriteStartArray("SS");
            ss.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }
        else if (value.L is { } l)
        {
            writer.WriteStartArray("L");
            l.ForEach(element => WriteValue(writer, element));
            writer.WriteEndArray();
        }
        else if (value.M is { } m)
        {
            writer.WritePropertyName("M");
            WriteItem(writer, m);
        }
        else
        {
            throw new NotSupportedException(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(value)));
        }

        writer.WriteEndObject();
    }
}
