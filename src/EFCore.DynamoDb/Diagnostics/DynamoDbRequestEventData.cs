// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>
/// The <see cref="System.Diagnostics.DiagnosticSource" /> payload of <see cref="DynamoDbEventId.RequestExecuted" />.
/// </summary>
public class DynamoDbRequestEventData : EventData
{
    /// <summary>Creates the event data.</summary>
    public DynamoDbRequestEventData(
        EventDefinitionBase eventDefinition,
        Func<EventDefinitionBase, EventData, string> messageGenerator,
        string operation,
        string tableName,
        string? indexName,
        TimeSpan elapsed,
        double? consumedCapacityUnits,
        string? requestDetails)
        : base(eventDefinition, messageGenerator)
    {
        Operation = operation;
        TableName = tableName;
        IndexName = indexName;
        Elapsed = elapsed;
        ConsumedCapacityUnits = consumedCapacityUnits;
        RequestDetails = requestDetails;
    }

    /// <summary>The DynamoDB operation: GetItem, Query, Scan, PutItem, UpdateItem, DeleteItem, TransactWriteItems…</summary>
    public virtual string Operation { get; }

    /// <summary>The table the request addressed (the first one, for multi-table requests).</summary>
    public virtual string TableName { get; }

    /// <summary>The secondary index the request read, if any.</summary>
    public virtual string? IndexName { get; }

    /// <summary>The time from sending the request to receiving its response.</summary>
    public virtual TimeSpan Elapsed { get; }

    /// <summary>The capacity units DynamoDB reported as consumed, when it reported any.</summary>
    public virtual double? ConsumedCapacityUnits { get; }

    /// <summary>The request's key and expression values; present only with sensitive data logging.</summary>
    public virtual string? RequestDetails { get; }
}
