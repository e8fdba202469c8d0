using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>
/// Records what a context did, through EF's <c>LogTo(filter, Action&lt;EventData&gt;)</c>: every request sent to
/// DynamoDB (<see cref="DynamoDbEventId.RequestExecuted" />) and every other provider event, such as the scan and
/// client-side ordering warnings. Warnings of query compilation are logged only when EF compiles the query shape,
/// not when it reuses a compiled one: tests that assert them use a query shape of their own.
/// </summary>
public sealed class RequestLog
{
    private readonly Lock _lock = new();
    private readonly List<EventData> _events = [];

    /// <summary>The requests sent, in order.</summary>
    public IReadOnlyList<DynamoDbRequestEventData> Requests
    {
        get
        {
            lock (_lock)
            {
                return _events.OfType<DynamoDbRequestEventData>().ToList();
            }
        }
    }

    /// <summary>The operation names of the requests sent, in order ("GetItem", "Query", "Scan"…).</summary>
    public IReadOnlyList<string> Operations => Requests.Select(r => r.Operation).ToList();

    /// <summary>The ids of every event logged, in order.</summary>
    public IReadOnlyList<EventId> EventIds
    {
        get
        {
            lock (_lock)
            {
                return _events.Select(e => e.EventId).ToList();
            }
        }
    }

    /// <summary>The messages of the events of one id logged, in order.</summary>
    public IReadOnlyList<string> MessagesOf(EventId eventId)
    {
        lock (_lock)
        {
            return _events.Where(e => e.EventId == eventId).Select(e => e.ToString()).ToList();
        }
    }

    /// <summary>Forgets everything recorded so far.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _events.Clear();
        }
    }

    /// <summary>Makes the options record into this log.</summary>
    public void AttachTo(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.LogTo(
            (eventId, _) => eventId == DynamoDbEventId.RequestExecuted
                || eventId == DynamoDbEventId.ScanQueryWarning
                || eventId == DynamoDbEventId.ClientSideOrderingWarning
                || eventId == DynamoDbEventId.ClientEvaluationWarning
                || eventId == DynamoDbEventId.IndexIgnored
                || eventId == DynamoDbEventId.SyncNotSupported
                || eventId == DynamoDbEventId.PrimaryKeyValueNotSet,
            Add);

    private void Add(EventData eventData)
    {
        lock (_lock)
        {
            _events.Add(eventData);
        }
    }
}
