using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Writes the requests the provider builds as readable JSON in DynamoDB's own wire format: for sensitive-data
/// logging, for <c>GenerateCreateScript</c> and for dry runs. Only the members the provider sets are written.
/// </summary>
public sealed class DynamoDbRequestJsonWriter
{
    // Expressions hold '<', '>' and '#': written as they are, since this JSON is for people, not for HTML.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Key and attribute values are user data: a dry run without sensitive data logging shows only their types.
    private readonly bool _redactValues;

    private DynamoDbRequestJsonWriter(bool redactValues) => _redactValues = redactValues;

    /// <summary>
    /// The request as JSON, with its operation name; every value written as <c>"?"</c> when
    /// <paramref name="redactValues" /> is set.
    /// </summary>
    public static string Write(AmazonWebServiceRequest request, bool indented = false, bool redactValues = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, indented ? Indented : Compact))
        {
            new DynamoDbRequestJsonWriter(redactValues).WriteRequest(writer, request);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Several create-table requests as one JSON array, for infrastructure-as-code.</summary>
    public static string WriteAll(IEnumerable<AmazonWebServiceRequest> requests)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Indented))
        {
            writer.WriteStartArray();
            var requestWriter = new DynamoDbRequestJsonWriter(redactValues: false);
            foreach (var request in requests)
            {
                requestWriter.WriteRequest(writer, request);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private void WriteRequest(Utf8JsonWriter writer, AmazonWebServiceRequest request)
    {
        writer.WriteStartObject();
        switch (request)
        {
            case GetItemRequest get:
                writer.WriteString("Operation", "GetItem");
                writer.WriteString("TableName", get.TableName);
                WriteItem(writer, "Key", get.Key);
                WriteString(writer, "ProjectionExpression", get.ProjectionExpression);
                WriteNames(writer, get.ExpressionAttributeNames);
                WriteBool(writer, "ConsistentRead", get.ConsistentRead);
                break;
            case QueryRequest query:
                writer.WriteString("Operation", "Query");
                writer.WriteString("TableName", query.TableName);
                WriteString(writer, "IndexName", query.IndexName);
                WriteString(writer, "KeyConditionExpression", query.KeyConditionExpression);
                WriteString(writer, "FilterExpression", query.FilterExpression);
                WriteString(writer, "ProjectionExpression", query.ProjectionExpression);
                WriteNames(writer, query.ExpressionAttributeNames);
                WriteItem(writer, "ExpressionAttributeValues", query.ExpressionAttributeValues);
                WriteString(writer, "Select", query.Select?.Value);
                WriteBool(writer, "ScanIndexForward", query.ScanIndexForward);
                WriteInt(writer, "Limit", query.Limit);
                WriteBool(writer, "ConsistentRead", query.ConsistentRead);
                WriteItem(writer, "ExclusiveStartKey", query.ExclusiveStartKey);
                break;
            case ScanRequest scan:
                writer.WriteString("Operation", "Scan");
                writer.WriteString("TableName", scan.TableName);
                WriteString(writer, "IndexName", scan.IndexName);
                WriteString(writer, "FilterExpression", scan.FilterExpression);
                WriteString(writer, "ProjectionExpression", scan.ProjectionExpression);
                WriteNames(writer, scan.ExpressionAttributeNames);
                WriteItem(writer, "ExpressionAttributeValues", scan.ExpressionAttributeValues);
                WriteString(writer, "Select", scan.Select?.Value);
                WriteInt(writer, "Limit", scan.Limit);
                WriteBool(writer, "ConsistentRead", scan.ConsistentRead);
                WriteInt(writer, "Segment", scan.Segment);
                WriteInt(writer, "TotalSegments", scan.TotalSegments);
                WriteItem(writer, "ExclusiveStartKey", scan.ExclusiveStartKey);
                break;
            case PutItemRequest put:
                writer.WriteString("Operation", "PutItem");
                WriteItemAction(writer, put.TableName, "Item", put.Item, null, put.ConditionExpression, put.ExpressionAttributeNames, put.ExpressionAttributeValues);
                break;
            case UpdateItemRequest update:
                writer.WriteString("Operation", "UpdateItem");
                WriteItemAction(writer, update.TableName, "Key", update.Key, update.UpdateExpression, update.ConditionExpression, update.ExpressionAttributeNames, update.ExpressionAttributeValues);
                break;
            case DeleteItemRequest delete:
                writer.WriteString("Operation", "DeleteItem");
                WriteItemAction(writer, delete.TableName, "Key", delete.Key, null, delete.ConditionExpression, delete.ExpressionAttributeNames, delete.ExpressionAttributeValues);
                break;
            case BatchGetItemRequest batchGet:
                writer.WriteString("Operation", "BatchGetItem");
                WriteBatchGet(writer, batchGet);
                break;
            case BatchWriteItemRequest batchWrite:
                writer.WriteString("Operation", "BatchWriteItem");
                WriteBatchWrite(writer, batchWrite);
                break;
            case TransactWriteItemsRequest transaction:
                writer.WriteString("Operation", "TransactWriteItems");
                WriteString(writer, "ClientRequestToken", transaction.ClientRequestToken);
                writer.WriteStartArray("TransactItems");
                foreach (var item in transaction.TransactItems ?? [])
                {
                    WriteTransactItem(writer, item);
                }

                writer.WriteEndArray();
                break;
            case TransactGetItemsRequest transactGet:
                writer.WriteString("Operation", "TransactGetItems");
                writer.WriteStartArray("TransactItems");
                foreach (var get in (transactGet.TransactItems ?? []).Select(i => i.Get))
                {
                    writer.WriteStartObject();
                    writer.WriteStartObject("Get");
                    writer.WriteString("TableName", get.TableName);
                    WriteItem(writer, "Key", get.Key);
                    WriteString(writer, "ProjectionExpression", get.ProjectionExpression);
                    WriteNames(writer, get.ExpressionAttributeNames);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case ExecuteStatementRequest statement:
                writer.WriteString("Operation", "ExecuteStatement");
                writer.WriteString("Statement", statement.Statement);
                if (statement.Parameters is { Count: > 0 } parameters)
                {
                    writer.WriteStartArray("Parameters");
                    foreach (var parameter in parameters)
                    {
                        WriteValue(writer, parameter);
                    }

                    writer.WriteEndArray();
                }

                WriteInt(writer, "Limit", statement.Limit);
                WriteBool(writer, "ConsistentRead", statement.ConsistentRead);
                WriteString(writer, "NextToken", statement.NextToken);
                break;
            case CreateTableRequest create:
                WriteCreateTable(writer, create);
                break;
            default:
                writer.WriteString("Operation", request.GetType().Name.Replace("Request", "", StringComparison.Ordinal));
                break;
        }

        writer.WriteEndObject();
    }

    private void WriteBatchGet(Utf8JsonWriter writer, BatchGetItemRequest request)
    {
        writer.WriteStartObject("RequestItems");
        foreach (var (tableName, keysAndAttributes) in request.RequestItems ?? [])
        {
            writer.WriteStartObject(tableName);
            writer.WriteStartArray("Keys");
            foreach (var key in keysAndAttributes.Keys ?? [])
            {
                WriteMap(writer, key);
            }

            writer.WriteEndArray();
            WriteString(writer, "ProjectionExpression", keysAndAttributes.ProjectionExpression);
            WriteNames(writer, keysAndAttributes.ExpressionAttributeNames);
            WriteBool(writer, "ConsistentRead", keysAndAttributes.ConsistentRead);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private void WriteBatchWrite(Utf8JsonWriter writer, BatchWriteItemRequest request)
    {
        writer.WriteStartObject("RequestItems");
        foreach (var (tableName, writes) in request.RequestItems ?? [])
        {
            writer.WriteStartArray(tableName);
            foreach (var write in writes)
            {
                writer.WriteStartObject();
                if (write.PutRequest is { } put)
                {
                    writer.WriteStartObject("PutRequest");
                    WriteItem(writer, "Item", put.Item);
                    writer.WriteEndObject();
                }
                else if (write.DeleteRequest is { } delete)
                {
                    writer.WriteStartObject("DeleteRequest");
                    WriteItem(writer, "Key", delete.Key);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private void WriteTransactItem(Utf8JsonWriter writer, TransactWriteItem item)
    {
        writer.WriteStartObject();
        if (item.Put is { } put)
        {
            writer.WriteStartObject("Put");
            WriteItemAction(writer, put.TableName, "Item", put.Item, null, put.ConditionExpression, put.ExpressionAttributeNames, put.ExpressionAttributeValues);
            writer.WriteEndObject();
        }
        else if (item.Update is { } update)
        {
            writer.WriteStartObject("Update");
            WriteItemAction(writer, update.TableName, "Key", update.Key, update.UpdateExpression, update.ConditionExpression, update.ExpressionAttributeNames, update.ExpressionAttributeValues);
            writer.WriteEndObject();
        }
        else if (item.Delete is { } delete)
        {
            writer.WriteStartObject("Delete");
            WriteItemAction(writer, delete.TableName, "Key", delete.Key, null, delete.ConditionExpression, delete.ExpressionAttributeNames, delete.ExpressionAttributeValues);
            writer.WriteEndObject();
        }
        else if (item.ConditionCheck is { } check)
        {
            writer.WriteStartObject("ConditionCheck");
            WriteItemAction(writer, check.TableName, "Key", check.Key, null, check.ConditionExpression, check.ExpressionAttributeNames, check.ExpressionAttributeValues);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    // Put, Update, Delete and ConditionCheck share these members; Put names its item "Item", the others "Key".
    private void WriteItemAction(
        Utf8JsonWriter writer,
        string tableName,
        string keyOrItemName,
        Dictionary<string, AttributeValue>? keyOrItem,
        string? update,
        string? condition,
        Dictionary<string, string>? names,
        Dictionary<string, AttributeValue>? values)
    {
        writer.WriteString("TableName", tableName);
        WriteItem(writer, keyOrItemName, keyOrItem);
        WriteString(writer, "UpdateExpression", update);
        WriteString(writer, "ConditionExpression", condition);
        WriteNames(writer, names);
        WriteItem(writer, "ExpressionAttributeValues", values);
    }

    private static void WriteCreateTable(Utf8JsonWriter writer, CreateTableRequest create)
    {
        writer.WriteString("TableName", create.TableName);
        writer.WriteStartArray("AttributeDefinitions");
        foreach (var definition in create.AttributeDefinitions ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("AttributeName", definition.AttributeName);
            writer.WriteString("AttributeType", definition.AttributeType?.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteKeySchema(writer, create.KeySchema);
        WriteString(writer, "BillingMode", create.BillingMode?.Value);
        WriteThroughput(writer, create.ProvisionedThroughput);
        WriteString(writer, "TableClass", create.TableClass?.Value);
        WriteBool(writer, "DeletionProtectionEnabled", create.DeletionProtectionEnabled);
        if (create.GlobalSecondaryIndexes is { Count: > 0 } globalIndexes)
        {
            writer.WriteStartArray("GlobalSecondaryIndexes");
            foreach (var index in globalIndexes)
            {
                WriteIndex(writer, index.IndexName, index.KeySchema, index.Projection, index.ProvisionedThroughput);
            }

            writer.WriteEndArray();
        }

        if (create.LocalSecondaryIndexes is { Count: > 0 } localIndexes)
        {
            writer.WriteStartArray("LocalSecondaryIndexes");
            foreach (var index in localIndexes)
            {
                WriteIndex(writer, index.IndexName, index.KeySchema, index.Projection, throughput: null);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteIndex(Utf8JsonWriter writer, string name, List<KeySchemaElement> keySchema, Projection projection, ProvisionedThroughput? throughput)
    {
        writer.WriteStartObject();
        writer.WriteString("IndexName", name);
        WriteKeySchema(writer, keySchema);
        writer.WriteStartObject("Projection");
        writer.WriteString("ProjectionType", projection.ProjectionType?.Value);
        if (projection.NonKeyAttributes is { Count: > 0 } attributes)
        {
            writer.WriteStartArray("NonKeyAttributes");
            attributes.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        WriteThroughput(writer, throughput);
        writer.WriteEndObject();
    }

    private static void WriteKeySchema(Utf8JsonWriter writer, List<KeySchemaElement>? keySchema)
    {
        writer.WriteStartArray("KeySchema");
        foreach (var element in keySchema ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("AttributeName", element.AttributeName);
            writer.WriteString("KeyType", element.KeyType?.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteThroughput(Utf8JsonWriter writer, ProvisionedThroughput? throughput)
    {
        if (throughput is not null)
        {
            writer.WriteStartObject("ProvisionedThroughput");
            WriteLong(writer, "ReadCapacityUnits", throughput.ReadCapacityUnits);
            WriteLong(writer, "WriteCapacityUnits", throughput.WriteCapacityUnits);
            writer.WriteEndObject();
        }
    }

    private static void WriteNames(Utf8JsonWriter writer, Dictionary<string, string>? names)
    {
        if (names is not { Count: > 0 })
        {
            return;
        }

        writer.WriteStartObject("ExpressionAttributeNames");
        foreach (var (placeholder, name) in names)
        {
            writer.WriteString(placeholder, name);
        }

        writer.WriteEndObject();
    }

    private void WriteItem(Utf8JsonWriter writer, string propertyName, Dictionary<string, AttributeValue>? item)
    {
        if (item is not { Count: > 0 })
        {
            return;
        }

        writer.WritePropertyName(propertyName);
        WriteMap(writer, item);
    }

    private void WriteMap(Utf8JsonWriter writer, Dictionary<string, AttributeValue> item)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in item)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one attribute value in DynamoDB's typed JSON form, such as <c>{"N":"12.5"}</c>.</summary>
    public static void WriteAttributeValue(Utf8JsonWriter writer, AttributeValue value)
        => new DynamoDbRequestJsonWriter(redactValues: false).WriteValue(writer, value);

    private void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        if (_redactValues)
        {
            writer.WriteStartObject();
            writer.WriteString(AttributeValueReader.DescribeType(value), "?");
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartObject();
        switch (value)
        {
            case { S: { } s }:
                writer.WriteString("S", s);
                break;
            case { N: { } n }:
                writer.WriteString("N", n);
                break;
            case { B: { } b }:
                writer.WriteBase64String("B", b.ToArray());
                break;
            case { BOOL: { } flag }:
                writer.WriteBoolean("BOOL", flag);
                break;
            case { NULL: true }:
                writer.WriteBoolean("NULL", true);
                break;
            case { L: { } list }:
                writer.WriteStartArray("L");
                foreach (var element in list)
                {
                    WriteValue(writer, element);
                }

                writer.WriteEndArray();
                break;
            case { M: { } map }:
                writer.WritePropertyName("M");
                WriteMap(writer, map);
                break;
            case { SS: { } strings }:
                writer.WriteStartArray("SS");
                strings.ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                break;
            case { NS: { } numbers }:
                writer.WriteStartArray("NS");
                numbers.ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                break;
            case { BS: { } binaries }:
                writer.WriteStartArray("BS");
                binaries.ForEach(stream => writer.WriteBase64StringValue(stream.ToArray()));
                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, string propertyName, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(propertyName, value);
        }
    }

    private static void WriteBool(Utf8JsonWriter writer, string propertyName, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(propertyName, flag);
        }
    }

    private static void WriteInt(Utf8JsonWriter writer, string propertyName, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(propertyName, number);
        }
    }

    private static void WriteLong(Utf8JsonWriter writer, string propertyName, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(propertyName, number);
        }
    }
}
