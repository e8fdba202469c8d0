using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.Diagnostics.Internal;

/// <summary>
/// Logs <see cref="DynamoDbEventId.ScanQueryWarning" /> for loading a collection navigation (explicitly or lazily), or
/// for the lookup of a navigation, Include or join, that has to Scan, naming what is looked up and the index that
/// would make it a Query: the query's own scan warning cannot know which navigation it reads.
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
        => LogScan(diagnostics, DynamoDbStrings.NavigationLoadScan(navigation, table, dependent, foreignKey));

    /// <summary>Logs that the lookup <paramref name="lookup" /> scans <paramref name="table" /> for its keys.</summary>
    public static void LookupScanWarning(
        this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics,
        string lookup,
        string table,
        string entityType,
        string key)
        => LogScan(diagnostics, DynamoDbStrings.LookupScan(lookup, table, entityType, key));

    private static void LogScan(IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, string message)
    {
        var definition = (EventDefinition<string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogNavigationLoadScan
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
