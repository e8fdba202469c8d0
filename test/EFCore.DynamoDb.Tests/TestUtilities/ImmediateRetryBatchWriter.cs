using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Update.Internal;
using EFCore.DynamoDb.ValueGeneration.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>The batch writer without its backoff delays, so a test can run every attempt quickly.</summary>
public sealed class ImmediateRetryBatchWriter(
    IStateManager stateManager,
    DynamoDbWriteCommandFactory commandFactory,
    IDynamoDbClientWrapper client,
    IDynamoDbSingletonOptions options,
    DynamoDbKeyCounterAssigner keyCounters,
    ILoggingOptions loggingOptions,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> infrastructureLogger)
    : DynamoDbBatchWriter(stateManager, commandFactory, client, options, keyCounters, loggingOptions, infrastructureLogger)
{
    /// <summary>Makes a context retry batch writes at once.</summary>
    public static void Use(DbContextOptionsBuilder options) => options.ReplaceService<DynamoDbBatchWriter, ImmediateRetryBatchWriter>();

    /// <inheritdoc />
    protected override TimeSpan RetryDelay(int attempt) => TimeSpan.Zero;
}
