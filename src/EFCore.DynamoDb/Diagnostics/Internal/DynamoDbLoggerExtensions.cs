using System.Globalization;
using Amazon.Runtime;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.Diagnostics.Internal;

/// <summary>
/// Logs the provider's events through EF Core's diagnostics loggers, so <c>LogTo</c>, <c>ConfigureWarnings</c>
/// and DiagnosticListener subscribers see them like any EF event.
/// </summary>
public static class DynamoDbLoggerExtensions
{
    /// <summary>Logs <see cref="DynamoDbEventId.SyncNotSupported" /> (an error unless the user downgraded it).</summary>
    public static void SyncNotSupported<TLoggerCategory>(this IDiagnosticsLogger<TLoggerCategory> diagnostics, string asyncMethod)
        where TLoggerCategory : LoggerCategory<TLoggerCategory>, new()
    {
        var definition = (EventDefinition<string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogSyncNotSupported
            ??= new EventDefinition<string>(
                diagnostics.Options,
                DynamoDbEventId.SyncNotSupported,
                LogLevel.Warning,
                "DynamoDbEventId.SyncNotSupported",
                level => LoggerMessage.Define<string>(level, DynamoDbEventId.SyncNotSupported, "{Message}")));

        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, DynamoDbStrings.SyncNotSupported(asyncMethod));
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<string>)d).GenerateMessage(DynamoDbStrings.SyncNotSupported(asyncMethod)));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    /// <summary>Logs <see cref="DynamoDbEventId.ScanQueryWarning" /> for a query that reads a whole table.</summary>
    public static void ScanQueryWarning(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, string entityType, string tableName)
    {
        var definition = (EventDefinition<string, string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogScanQuery
            ??= new EventDefinition<string, string>(
                diagnostics.Options,
                DynamoDbEventId.ScanQueryWarning,
                LogLevel.Warning,
                "DynamoDbEventId.ScanQueryWarning",
                level => LoggerMessage.Define<string, string>(
                    level,
                    DynamoDbEventId.ScanQueryWarning,
                    "A query for '{EntityType}' does not compare the partition key of the table '{Table}' (or of a secondary index that holds what it reads) with '==', so it reads the whole table with a Scan. Filter on a partition key with '==' to send a Query instead.")));

        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, entityType, tableName);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<string, string>)d).GenerateMessage(entityType, tableName));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    /// <summary>
    /// True when <see cref="DynamoDbEventId.RequestExecuted" /> is logged or listened to: only then is it worth asking
    /// DynamoDB for a request's consumed capacity, which costs the server work on every request.
    /// </summary>
    public static bool IsRequestExecutedEnabled(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics)
    {
        var definition = RequestExecutedDefinition(diagnostics);
        return diagnostics.ShouldLog(definition) || diagnostics.NeedsEventData(definition, out _, out _);
    }

    /// <summary>Logs <see cref="DynamoDbEventId.RequestExecuted" /> for one request sent to DynamoDB.</summary>
    public static void RequestExecuted(
        this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics,
        string operation,
        string tableName,
        string? indexName,
        TimeSpan elapsed,
        double? consumedCapacityUnits,
        AmazonWebServiceRequest request)
    {
        var definition = RequestExecutedDefinition(diagnostics);
        var shouldLog = diagnostics.ShouldLog(definition);
        var needsEventData = diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled);
        if (!shouldLog && !needsEventData)
        {
            return;
        }

        var target = indexName is null ? tableName : tableName + "/" + indexName;
        var cost = consumedCapacityUnits is { } units
            ? string.Format(CultureInfo.InvariantCulture, "{0:0} ms, {1:0.##} CU", elapsed.TotalMilliseconds, units)
            : string.Format(CultureInfo.InvariantCulture, "{0:0} ms", elapsed.TotalMilliseconds);
        var details = diagnostics.ShouldLogSensitiveData() ? ": " + DynamoDbRequestJsonWriter.Write(request) : "";

        if (shouldLog)
        {
            definition.Log(diagnostics, operation, target, cost, details);
        }

        if (needsEventData)
        {
            var eventData = new DynamoDbRequestEventData(
                definition,
                (d, _) => ((EventDefinition<string, string, string, string>)d).GenerateMessage(operation, target, cost, details),
                operation,
                tableName,
                indexName,
                elapsed,
                consumedCapacityUnits,
                details.Length == 0 ? null : details[2..]);
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    private static EventDefinition<string, string, string, string> RequestExecutedDefinition(IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics)
        => (EventDefinition<string, string, string, string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogRequestExecuted
            ??= new EventDefinition<string, string, string, string>(
                diagnostics.Options,
                DynamoDbEventId.RequestExecuted,
                LogLevel.Information,
                "DynamoDbEventId.RequestExecuted",
                level => LoggerMessage.Define<string, string, string, string>(
                    level,
                    DynamoDbEventId.RequestExecuted,
                    "Executed {Operation} on {Table} ({Cost}){Details}")));

    /// <summary>Logs <see cref="DynamoDbEventId.IndexIgnored" /> for an EF index that is not a secondary index.</summary>
    public static void IndexIgnored(this IDiagnosticsLogger<DbLoggerCategory.Model.Validation> diagnostics, string entityType, string properties)
    {
        var definition = (EventDefinition<string, string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogIndexIgnored
            ??= new EventDefinition<string, string>(
                diagnostics.Options,
                DynamoDbEventId.IndexIgnored,
                LogLevel.Warning,
                "DynamoDbEventId.IndexIgnored",
                level => LoggerMessage.Define<string, string>(
                    level,
                    DynamoDbEventId.IndexIgnored,
                    "The index on '{EntityType}' ({Properties}) is ignored: DynamoDB only reads from secondary indexes, and it is not unique (a unique index is enforced with guard items). Call 'IsGlobalSecondaryIndex()' on it to create it as a global secondary index.")));

        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, entityType, properties);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<string, string>)d).GenerateMessage(entityType, properties));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    /// <summary>Logs <see cref="DynamoDbEventId.ClientSideOrderingWarning" /> for a query sorted on the client.</summary>
    public static void ClientSideOrderingWarning(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, string entityType, string orderings)
    {
        var definition = (EventDefinition<string, string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogClientSideOrdering
            ??= new EventDefinition<string, string>(
                diagnostics.Options,
                DynamoDbEventId.ClientSideOrderingWarning,
                LogLevel.Warning,
                "DynamoDbEventId.ClientSideOrderingWarning",
                level => LoggerMessage.Define<string, string>(
                    level,
                    DynamoDbEventId.ClientSideOrderingWarning,
                    "A query for '{EntityType}' orders by {Orderings}, which DynamoDB cannot return in order (it orders a Query by its sort key only), so every matching item is read and sorted on the client. Order by the sort key of a Query, or query an index whose sort key is the ordering.")));

        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, entityType, orderings);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<string, string>)d).GenerateMessage(entityType, orderings));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    /// <summary>
    /// Logs <see cref="DynamoDbEventId.ClientEvaluationWarning" /> for a query whose predicate has parts the provider
    /// checks on the returned items.
    /// </summary>
    public static void ClientEvaluationWarning(
        this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics,
        string entityType,
        string tableName,
        string predicates)
    {
        var definition = (EventDefinition<string, string, string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogClientEvaluation
            ??= new EventDefinition<string, string, string>(
                diagnostics.Options,
                DynamoDbEventId.ClientEvaluationWarning,
                LogLevel.Warning,
                "DynamoDbEventId.ClientEvaluationWarning",
                level => LoggerMessage.Define<string, string, string>(
                    level,
                    DynamoDbEventId.ClientEvaluationWarning,
                    "A query for '{EntityType}' on table '{Table}' has predicate parts DynamoDB cannot express, so the provider checks them on each item the request returns: {Predicates}. A filter saves bandwidth, not read capacity: the items a Query or Scan reads cost the same whether or not a filter keeps them, but every item the key condition and filter keep is now downloaded. Express the predicate with conditions DynamoDB can test, or store the computed value as an attribute.")));

        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, entityType, tableName, predicates);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<string, string, string>)d).GenerateMessage(entityType, tableName, predicates));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    /// <summary>Logs <see cref="DynamoDbEventId.PrimaryKeyValueNotSet" /> for a new entity whose non-generated integer key is 0.</summary>
    public static void PrimaryKeyValueNotSet(this IDiagnosticsLogger<DbLoggerCategory.Update> diagnostics, string entityType, string property)
    {
        var definition = (EventDefinition<string, string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogPrimaryKeyValueNotSet
            ??= new EventDefinition<string, string>(
                diagnostics.Options,
                DynamoDbEventId.PrimaryKeyValueNotSet,
                LogLevel.Warning,
                "DynamoDbEventId.PrimaryKeyValueNotSet",
                level => LoggerMessage.Define<string, string>(
                    level,
                    DynamoDbEventId.PrimaryKeyValueNotSet,
                    "A new '{EntityType}' is saved with its key '{Property}' left at 0, and the key is not generated: every entity saved so gets the same key. Set the key, or let it be generated from a key counter (remove 'ValueGeneratedNever()').")));

        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, entityType, property);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<string, string>)d).GenerateMessage(entityType, property));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }
}
