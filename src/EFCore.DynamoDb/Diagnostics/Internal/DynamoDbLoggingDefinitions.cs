using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Diagnostics.Internal;

/// <summary>
/// The provider's event definitions, created on first use and cached for the lifetime of the service provider,
/// as EF Core's own providers do.
/// </summary>
public class DynamoDbLoggingDefinitions : LoggingDefinitions
{
    /// <summary>The definition of <see cref="DynamoDbEventId.SyncNotSupported" />.</summary>
    public EventDefinitionBase? LogSyncNotSupported;

    /// <summary>The definition of <see cref="DynamoDbEventId.ScanQueryWarning" />.</summary>
    public EventDefinitionBase? LogScanQuery;

    /// <summary>The definition of <see cref="DynamoDbEventId.RequestExecuted" />.</summary>
    public EventDefinitionBase? LogRequestExecuted;

    /// <summary>The definition of <see cref="DynamoDbEventId.IndexIgnored" />.</summary>
    public EventDefinitionBase? LogIndexIgnored;

    /// <summary>The definition of <see cref="DynamoDbEventId.ClientSideOrderingWarning" />.</summary>
    public EventDefinitionBase? LogClientSideOrdering;

    /// <summary>The definition of <see cref="DynamoDbEventId.ClientEvaluationWarning" /> for operators run while streaming.</summary>
    public EventDefinitionBase? LogClientOperators;

    /// <summary>The definition of <see cref="DynamoDbEventId.ClientEvaluationWarning" /> for predicate parts checked on each item.</summary>
    public EventDefinitionBase? LogClientEvaluation;

    /// <summary>The definition of <see cref="DynamoDbEventId.PrimaryKeyValueNotSet" />.</summary>
    public EventDefinitionBase? LogPrimaryKeyValueNotSet;

    /// <summary>The definition of <see cref="DynamoDbEventId.ScanQueryWarning" /> for a relationship's reads (loading a navigation, a cascade delete).</summary>
    public EventDefinitionBase? LogRelationshipScan;
}
