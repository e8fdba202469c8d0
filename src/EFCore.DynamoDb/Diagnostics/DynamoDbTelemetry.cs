using System.Diagnostics;
using System.Diagnostics.Metrics;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>
/// The names of the provider's traces and metrics, for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>: one
/// <see cref="Activity" /> per DynamoDB request from the <see cref="ActivitySource" /> <c>EFCore.DynamoDb</c>, and the
/// instruments of the <see cref="Meter" /> <c>EFCore.DynamoDb</c>. Attribute names follow OpenTelemetry's semantic
/// conventions for databases and for DynamoDB.
/// </summary>
public static class DynamoDbTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource" /> of the provider's request activities.</summary>
    public const string ActivitySourceName = "EFCore.DynamoDb";

    /// <summary>The name of the provider's <see cref="Meter" />.</summary>
    public const string MeterName = "EFCore.DynamoDb";

    /// <summary>The histogram of request durations, in seconds, tagged by operation and table.</summary>
    public const string OperationDurationInstrument = "db.client.operation.duration";

    /// <summary>The counter of capacity units consumed, tagged by operation and table.</summary>
    public const string ConsumedCapacityInstrument = "aws.dynamodb.consumed_capacity";

    /// <summary>The counter of requests DynamoDB throttled, tagged by operation and table.</summary>
    public const string ThrottledRequestsInstrument = "aws.dynamodb.throttled_requests";

    /// <summary>The counter of retries: of a request or an operation by the execution strategy, and of a batch's unprocessed items.</summary>
    public const string RetriesInstrument = "aws.dynamodb.retries";

    /// <summary>The value of <c>db.system.name</c> on every activity and measurement.</summary>
    public const string SystemName = "aws.dynamodb";
}
