using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.FunctionalTests.Operating;

/// <summary>
/// The provider's traces and metrics (<see cref="DynamoDbTelemetry" />) as an OpenTelemetry SDK sees them, through an
/// <see cref="ActivityListener" /> and a <see cref="MeterListener" />, for requests to DynamoDB Local. The functional
/// tests run one class at a time, and each recording keeps only what names this class's tables.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class TelemetryTests(OperatingFixture fixture) : IClassFixture<OperatingFixture>
{
    private string Notes => fixture.TableName("Notes");

    [Fact]
    public async Task A_find_is_one_GetItem_activity_with_the_database_attributes()
    {
        using var activities = new ActivityRecording();
        await using var context = fixture.CreateContext();

        Assert.Equal("first", (await context.Notes.FindAsync("n1"))?.Text);

        var activity = Assert.Single(activities.For(Notes));
        Assert.Equal("GetItem", activity.OperationName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Equal("aws.dynamodb", activity.GetTagItem("db.system.name"));
        Assert.Equal("GetItem", activity.GetTagItem("db.operation.name"));
        Assert.Equal(new[] { Notes }, activity.GetTagItem("aws.dynamodb.table_names"));
        Assert.Equal(1, activity.GetTagItem("aws.dynamodb.count"));
        Assert.Equal(0.5, activity.GetTagItem("aws.dynamodb.consumed_capacity"));
        Assert.Null(activity.GetTagItem("aws.dynamodb.index_name"));
    }

    [Fact]
    public async Task A_scan_reports_the_items_it_returned()
    {
        using var activities = new ActivityRecording();
        await using var context = fixture.CreateContext(configure: o => o.ConfigureWarnings(w => w.Ignore(DynamoDbEventId.ScanQueryWarning)));

        var notes = await context.Notes.Where(n => n.Text.StartsWith("f")).ToListAsync();

        var activity = Assert.Single(activities.For(Notes));
        Assert.Equal("Scan", activity.OperationName);
        Assert.Equal(notes.Count, activity.GetTagItem("aws.dynamodb.count"));
        Assert.Single(notes);
    }

    [Fact]
    public async Task A_failed_request_is_an_activity_with_error_status()
    {
        using var activities = new ActivityRecording();
        var missingPrefix = DynamoDbContextFixture<OperatingContext>.NewTableNamePrefix();
        await using var context = new OperatingContext(
            new DbContextOptionsBuilder<OperatingContext>()
                .UseDynamoDb(d => d.ServiceUrl(fixture.Server.ServiceUrl).TableNamePrefix(missingPrefix))
                .ForTests()
                .Options);

        await Assert.ThrowsAsync<ResourceNotFoundException>(async () => await context.Notes.FindAsync("n1"));

        var activity = Assert.Single(activities.For(missingPrefix + "Notes"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("ResourceNotFoundException", activity.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Every_request_records_its_duration_and_consumed_capacity_by_operation_and_table()
    {
        using var metrics = new MetricRecording();
        await using var context = fixture.CreateContext();

        await context.Notes.FindAsync("n1");
        context.Notes.Add(new Note { Id = "metered", Text = "m" });
        await context.SaveChangesAsync();

        var durations = metrics.For(DynamoDbTelemetry.OperationDurationInstrument, Notes);
        Assert.Equal(["GetItem", "PutItem"], durations.Select(m => m.Operation).Order());
        Assert.All(durations, m => Assert.InRange(m.Value, 0.0, 10.0));
        Assert.All(durations, m => Assert.Equal("aws.dynamodb", m.Tags["db.system.name"]));
        var capacity = metrics.For(DynamoDbTelemetry.ConsumedCapacityInstrument, Notes);
        Assert.Equal(0.5, Assert.Single(capacity, m => m.Operation == "GetItem").Value);
        Assert.Equal(1.0, Assert.Single(capacity, m => m.Operation == "PutItem").Value);
    }

    [Fact]
    public async Task A_throttled_request_is_counted_retried_and_logged_as_ExecutionStrategyRetrying()
    {
        using var metrics = new MetricRecording();
        using var activities = new ActivityRecording();
        var retries = new ConcurrentQueue<EventId>();
        using var handler = new FaultInjectingHandler().Fail("GetItem", 2, InjectedFault.ProvisionedThroughputExceeded);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = new OperatingContext(
            new DbContextOptionsBuilder<OperatingContext>()
                .UseDynamoDb(client, d => d.TableNamePrefix(fixture.TableNamePrefix).ExecutionStrategy(s => new DynamoDbExecutionStrategy(s, 3, TimeSpan.FromMilliseconds(10))))
                .LogTo(_ => { }, (eventId, _) =>
                {
                    if (eventId == CoreEventId.ExecutionStrategyRetrying)
                    {
                        retries.Enqueue(eventId);
                    }

                    return false;
                })
                .ForTests()
                .Options);

        Assert.Equal("second", (await context.Notes.FindAsync("n2"))?.Text);

        Assert.Equal(3, handler.Count("GetItem"));
        Assert.Equal(2, retries.Count);
        Assert.Equal(2, metrics.For(DynamoDbTelemetry.ThrottledRequestsInstrument, Notes).Sum(m => m.Value));
        Assert.True(metrics.All(DynamoDbTelemetry.RetriesInstrument).Sum(m => m.Value) >= 2);
        var attempts = activities.For(Notes);
        Assert.Equal([ActivityStatusCode.Error, ActivityStatusCode.Error, ActivityStatusCode.Unset], attempts.Select(a => a.Status));
        Assert.Equal("ProvisionedThroughputExceededException", attempts[0].GetTagItem("error.type"));
    }

    /// <summary>The provider's stopped activities, recorded while this object lives.</summary>
    private sealed class ActivityRecording : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly ActivityListener _listener;

        public ActivityRecording()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == DynamoDbTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public List<Activity> For(string table)
            => _stopped.Where(a => a.GetTagItem("aws.dynamodb.table_names") is string[] tables && tables.Contains(table)).ToList();

        public void Dispose() => _listener.Dispose();
    }

    private sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        public string? Operation => Tags.GetValueOrDefault("db.operation.name") as string;
    }

    /// <summary>The provider's measurements, recorded while this object lives.</summary>
    private sealed class MetricRecording : IDisposable
    {
        private readonly ConcurrentQueue<Measurement> _measurements = new();
        private readonly MeterListener _listener = new();

        public MetricRecording()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DynamoDbTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.Start();
        }

        public List<Measurement> All(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToList();

        public List<Measurement> For(string instrument, string table)
            => All(instrument).Where(m => Equals(m.Tags.GetValueOrDefault("db.collection.name"), table)).ToList();

        public void Dispose() => _listener.Dispose();

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
        }
    }
}
