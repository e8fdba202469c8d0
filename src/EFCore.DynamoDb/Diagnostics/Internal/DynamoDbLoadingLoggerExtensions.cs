using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.Diagnostics.Internal;

/// <summary>
/// Logs <see cref="DynamoDbEventId.ScanQueryWarning" /> for the reads the provider makes for a relationship that have
/// to Scan — loading a collection navigation (explicitly or lazily), the lookup of a navigation, Include or join,
/// finding the dependents of a deleted principal — naming what is looked up and the index that would make it a
/// Query: the query's own scan warning cannot know which relationship it reads.
/// </summary>
public static class DynamoDbLoadingLoggerExtensions
{
    /// <summary>Logs that loading <paramref name="navigation" /> scans <paramref name="table" />.</summary>
    public static void NavigationLoadScanWarning(
        this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics,
        string navigation,
        string table,
        string dependent,
        string foreignKey)
        => diagnostics.RelationshipScanWarning(DynamoDbStrings.NavigationLoadScan(navigation, table, dependent, foreignKey));

    /// <summary>Logs that the lookup <paramref name="lookup" /> scans <paramref name="table" /> for its keys.</summary>
    public static void LookupScanWarning(
        this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics,
        string lookup,
        string table,
        string entityType,
        string key)
        => diagnostics.RelationshipScanWarning(DynamoDbStrings.LookupScan(lookup, table, entityType, key));

    /// <summary>Logs that finding the dependents of deleted principals through <paramref name="relationship" /> scans <paramref name="table" />.</summary>
    public static void CascadeDeleteScanWarning(
        this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics,
        string relationship,
        string table,
        string dependent,
        string foreignKey)
        => diagnostics.RelationshipScanWarning(DynamoDbStrings.CascadeDeleteScan(relationship, table, dependent, foreignKey));

    private static void RelationshipScanWarning(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, string message)
    {
        var definition = (EventDefinition<string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogRelationshipScan
            ??= new EventDefinition<string>(
                diagnostics.Options,
                DynamoDbEventId.ScanQueryWarning,
                LogLevel.Warning,
                "DynamoDbEventId.ScanQueryWarning",
                level => LoggerMessage.Define<string>(level, DynamoDbEventId.ScanQueryWarning, "{Message}")));

        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, message);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => message);
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }
}
