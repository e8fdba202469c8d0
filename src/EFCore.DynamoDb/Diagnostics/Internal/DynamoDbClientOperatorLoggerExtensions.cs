using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.Diagnostics.Internal;

/// <summary>
/// Logs <see cref="DynamoDbEventId.ClientEvaluationWarning" /> for LINQ operators the provider runs while streaming a
/// query's items (GroupBy, set operations, operators after Skip/Take), once per query shape: when it is compiled.
/// </summary>
public static class DynamoDbClientOperatorLoggerExtensions
{
    /// <summary>Logs that <paramref name="operators" /> of a query for <paramref name="entityTypes" /> run on the client.</summary>
    public static void ClientOperatorsWarning(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, string entityTypes, string operators)
    {
        var definition = (EventDefinition<string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogClientOperators
            ??= new EventDefinition<string>(
                diagnostics.Options,
                DynamoDbEventId.ClientEvaluationWarning,
                LogLevel.Warning,
                "DynamoDbEventId.ClientEvaluationWarning",
                level => LoggerMessage.Define<string>(level, DynamoDbEventId.ClientEvaluationWarning, "{Message}")));

        var message = DynamoDbStrings.ClientOperators(operators, entityTypes);
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
