using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.Diagnostics.Internal;

/// <summary>
/// Logs <see cref="DynamoDbEventId.ScanQueryWarning" /> for loading a collection navigation (explicitly or lazily) that
/// has to Scan, naming the navigation and the index that would make it a Query: the query's own scan warning cannot
/// know which navigation it loads.
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
    {
        var definition = (EventDefinition<string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogNavigationLoadScan
            ??= new EventDefinition<string>(
                diagnostics.Options,
                DynamoDbEventId.ScanQueryWarning,
                LogLevel.Warning,
                "DynamoDbEventId.ScanQueryWarning",
                level => LoggerMessage.Define<string>(level, DynamoDbEventId.ScanQueryWarning, "{Message}")));

        var message = DynamoDbStrings.NavigationLoadScan(navigation, table, dependent, foreignKey);
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
