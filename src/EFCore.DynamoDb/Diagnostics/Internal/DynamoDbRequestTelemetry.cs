using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Diagnostics.Internal;

/// <summary>
/// Records the traces and metrics named by <see cref="DynamoDbTelemetry" />. Every member returns at once when nobody
/// listens: an activity is started, and a measurement's tags are built, only for a listener that asked for them.
/// </summary>
public static class DynamoDbRequestTelemetry
{
    private const string SystemNameTag = "db.system.name";
    private const string OperationTag = "db.operation.name";
    private const string CollectionTag = "db.collection.name";
    private const string ErrorTypeTag = "error.type";

    private static readonly string? Version = typeof(DynamoDbRequestTelemetry).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    private static readonly ActivitySource Source = new(DynamoDbTelemetry.ActivitySourceName, Version);
    private static readonly Meter Meter = new(DynamoDbTelemetry.MeterName, Version);

    // DynamoDB answers in milliseconds; OpenTelemetry's default buckets start at 5 s, so the advice gives finer ones.
    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        DynamoDbTelemetry.OperationDurationInstrument,
        unit: "s",
        description: "Duration of DynamoDB requests.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<double> ConsumedCapacity = Meter.CreateCounter<double>(
        DynamoDbTelemetry.ConsumedCapacityInstrument, unit: "{capacity_unit}", description: "Read and write capacity units DynamoDB reported as consumed.");

    private static readonly Counter<long> Throttled = Meter.CreateCounter<long>(
        DynamoDbTelemetry.ThrottledRequestsInstrument, unit: "{request}", description: "Requests DynamoDB refused for lack of capacity.");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        DynamoDbTelemetry.RetriesInstrument, unit: "{retry}", description: "Requests or operations sent again after a transient failure.");

    /// <summary>True when a listener wants the capacity a request consumed, which DynamoDB reports only when asked.</summary>
    public static bool WantsConsumedCapacity => Source.HasListeners() || ConsumedCapacity.Enabled;

    /// <summary>Starts the activity of one request, or returns null when nobody listens.</summary>
    public static Activity? StartRequest(string operation, string tableName, string? indexName, AmazonWebServiceRequest request)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(SystemNameTag, DynamoDbTelemetry.SystemName);
            activity.SetTag(OperationTag, operation);
            if (TableNames(request, tableName) is { Length: > 0 } tableNames)
            {
                activity.SetTag("aws.dynamodb.table_names", tableNames);
            }

            if (indexName is not null)
            {
                activity.SetTag("aws.dynamodb.index_name", indexName);
            }
        }

        return activity;
    }

    /// <summary>Records a request DynamoDB answered.</summary>
    public static void RequestSucceeded(
        Activity? activity,
        string operation,
        string tableName,
        TimeSpan elapsed,
        double? consumedCapacity,
        AmazonWebServiceResponse response)
    {
        if (activity is { IsAllDataRequested: true })
        {
            if (consumedCapacity is { } capacity)
            {
                activity.SetTag("aws.dynamodb.consumed_capacity", capacity);
            }

            if (ItemCount(response) is { } count)
            {
                activity.SetTag("aws.dynamodb.count", count);
            }
        }

        if (Duration.Enabled)
        {
            Duration.Record(elapsed.TotalSeconds, Tags(operation, tableName));
        }

        if (consumedCapacity is { } consumed && ConsumedCapacity.Enabled)
        {
            ConsumedCapacity.Add(consumed, Tags(operation, tableName));
        }
    }

    /// <summary>Records a request that failed: the activity's error status, its duration and, when throttled, the throttling.</summary>
    public static void RequestFailed(Activity? activity, string operation, string tableName, TimeSpan elapsed, Exception exception)
    {
        if (activity is null && !Duration.Enabled && !Throttled.Enabled)
        {
            return;
        }

        var errorType = exception is AmazonServiceException { ErrorCode: { Length: > 0 } code } ? code : exception.GetType().FullName;
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.SetTag(ErrorTypeTag, errorType);
        }

        if (Duration.Enabled)
        {
            var tags = Tags(operation, tableName);
            tags.Add(ErrorTypeTag, errorType);
            Duration.Record(elapsed.TotalSeconds, tags);
        }

        if (Throttled.Enabled && DynamoDbTransientExceptionDetector.IsThrottling(exception))
        {
            Throttled.Add(1, Tags(operation, tableName));
        }
    }

    /// <summary>Counts one retry.</summary>
    public static void Retrying()
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>(SystemNameTag, DynamoDbTelemetry.SystemName));
        }
    }

    private static TagList Tags(string operation, string tableName)
    {
        var tags = new TagList { { SystemNameTag, DynamoDbTelemetry.SystemName }, { OperationTag, operation } };
        if (tableName.Length > 0)
        {
            tags.Add(CollectionTag, tableName);
        }

        return tags;
    }

    // A batch or a transaction may name several tables; the wrapper's table name is the first.
    private static string[] TableNames(AmazonWebServiceRequest request, string tableName)
        => request switch
        {
            BatchGetItemRequest batchGet => [.. batchGet.RequestItems.Keys],
            BatchWriteItemRequest batchWrite => [.. batchWrite.RequestItems.Keys],
            TransactWriteItemsRequest transaction => transaction.TransactItems
                .Select(i => i.Put?.TableName ?? i.Update?.TableName ?? i.Delete?.TableName ?? i.ConditionCheck?.TableName)
                .OfType<string>()
                .Distinct()
                .ToArray(),
            _ => tableName.Length == 0 ? [] : [tableName],
        };

    private static int? ItemCount(AmazonWebServiceResponse response)
        => response switch
        {
            GetItemResponse getItem => getItem.Item is { Count: > 0 } ? 1 : 0,
            QueryResponse query => query.Count ?? 0,
            ScanResponse scan => scan.Count ?? 0,
            BatchGetItemResponse batchGet => batchGet.Responses?.Sum(r => r.Value.Count) ?? 0,
            _ => null,
        };
}
