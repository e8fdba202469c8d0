using Microsoft.Extensions.Logging;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>
/// Event IDs for DynamoDB events that correspond to messages logged to an <see cref="ILogger" /> and events sent
/// to a <see cref="System.Diagnostics.DiagnosticSource" />. Use them with <c>ConfigureWarnings</c> to log, ignore
/// or throw on an event.
/// </summary>
public static class DynamoDbEventId
{
    private enum Id
    {
        SyncNotSupported = CoreEventId.ProviderBaseId,
        ScanQueryWarning,
        RequestExecuted,
        IndexIgnored,
        ClientSideOrderingWarning,
        ClientEvaluationWarning,
        PrimaryKeyValueNotSet,
    }

    private static readonly string DatabasePrefix = DbLoggerCategory.Database.Name + ".";
    private static readonly string QueryPrefix = DbLoggerCategory.Query.Name + ".";
    private static readonly string CommandPrefix = DbLoggerCategory.Database.Command.Name + ".";
    private static readonly string UpdatePrefix = DbLoggerCategory.Update.Name + ".";
    private static readonly string ValidationPrefix = DbLoggerCategory.Model.Validation.Name + ".";

    /// <summary>
    /// A synchronous call (ToList, SaveChanges, EnsureCreated…) blocked on DynamoDB's asynchronous SDK. Thrown as
    /// an error by default; downgrade it with <c>ConfigureWarnings(w => w.Log(DynamoDbEventId.SyncNotSupported))</c>
    /// to accept blocking.
    /// </summary>
    public static readonly EventId SyncNotSupported = new((int)Id.SyncNotSupported, DatabasePrefix + Id.SyncNotSupported);

    /// <summary>
    /// A query compares no partition key (of the table, or of a secondary index that holds what it reads) with
    /// <c>==</c>, so it reads the whole table with a Scan. Turn it into an error with
    /// <c>ConfigureWarnings(w => w.Throw(DynamoDbEventId.ScanQueryWarning))</c>.
    /// </summary>
    public static readonly EventId ScanQueryWarning = new((int)Id.ScanQueryWarning, QueryPrefix + Id.ScanQueryWarning);

    /// <summary>
    /// A request was sent to DynamoDB: operation, table, index, elapsed time and consumed capacity; key and
    /// attribute values only with <c>EnableSensitiveDataLogging()</c>.
    /// </summary>
    public static readonly EventId RequestExecuted = new((int)Id.RequestExecuted, CommandPrefix + Id.RequestExecuted);

    /// <summary>
    /// An EF index (<c>HasIndex</c>) has no DynamoDB meaning and is ignored: DynamoDB cannot enforce uniqueness and
    /// only reads from declared secondary indexes. Call <c>IsGlobalSecondaryIndex()</c> on it to make it one.
    /// </summary>
    public static readonly EventId IndexIgnored = new((int)Id.IndexIgnored, ValidationPrefix + Id.IndexIgnored);

    /// <summary>
    /// DynamoDB cannot return a query's items in the requested order (it orders only by the sort key of a Query),
    /// so the provider reads the whole result and sorts it. Turn it into an error with
    /// <c>ConfigureWarnings(w => w.Throw(DynamoDbEventId.ClientSideOrderingWarning))</c>.
    /// </summary>
    public static readonly EventId ClientSideOrderingWarning = new((int)Id.ClientSideOrderingWarning, QueryPrefix + Id.ClientSideOrderingWarning);

    /// <summary>
    /// Part of a query runs on the client, over the items its DynamoDB requests return: predicate parts DynamoDB's
    /// expression language cannot say (string functions, arithmetic, two attributes compared, subqueries over
    /// collections…) are checked on each returned item while the rest still goes to the key condition and filter, and
    /// operators it has no form for (GroupBy, set operations, operators after Skip/Take…) run over the shaped results.
    /// Either reads the same items, at the same capacity cost, as the requests without it. Logged once per query
    /// shape, naming what runs on the client and the table; turn it into an error with
    /// <c>ConfigureWarnings(w => w.Throw(DynamoDbEventId.ClientEvaluationWarning))</c>.
    /// </summary>
    public static readonly EventId ClientEvaluationWarning = new((int)Id.ClientEvaluationWarning, QueryPrefix + Id.ClientEvaluationWarning);

    /// <summary>
    /// A new entity's integer key is not generated (it has <c>ValueGeneratedNever()</c> or is configured so) and was
    /// left at its default, 0: every such entity gets the same key, so the second is a duplicate. Set the key, or let
    /// EF's convention generate it from a key counter.
    /// </summary>
    public static readonly EventId PrimaryKeyValueNotSet = new((int)Id.PrimaryKeyValueNotSet, UpdatePrefix + Id.PrimaryKeyValueNotSet);
}
