using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// EnsureCreated / EnsureDeleted for DynamoDB: creates each missing table of the model and waits (bounded) until
/// it is ACTIVE; checks that existing tables have the model's key schema; writes the model's seed data
/// (<c>HasData</c>) into the tables it created and runs the application's seeders (<c>UseSeeding</c> /
/// <c>UseAsyncSeeding</c>); deletes the model's tables and waits until they are gone.
/// </summary>
public class DynamoDbDatabaseCreator(
    IDynamoDbClientWrapper client,
    IDesignTimeModel designTimeModel,
    CreateTableRequestFactory requestFactory,
    IDynamoDbSingletonOptions options,
    IDiagnosticsLogger<DbLoggerCategory.Database> logger,
    IUpdateAdapterFactory updateAdapterFactory,
    IDatabase database,
    ICurrentDbContext currentContext,
    IDbContextOptions contextOptions)
    : IDatabaseCreator
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The CreateTable requests EnsureCreated would send, without sending anything.</summary>
    public virtual IReadOnlyList<CreateTableRequest> GetCreateTableRequests() => requestFactory.Create(designTimeModel.Model);

    /// <inheritdoc />
    public virtual bool EnsureCreated()
    {
        logger.SyncNotSupported(nameof(EnsureCreatedAsync));
        if (CoreOptions.AsyncSeeder is not null && CoreOptions.Seeder is null)
        {
            throw new InvalidOperationException(CoreStrings.MissingSeeder);
        }

        var created = CreateTablesAsync(default).GetAwaiter().GetResult();
        CoreOptions.Seeder?.Invoke(currentContext.Context, created);
        return created;
    }

    /// <inheritdoc />
    public virtual async Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (CoreOptions.Seeder is not null && CoreOptions.AsyncSeeder is null)
        {
            throw new InvalidOperationException(CoreStrings.MissingSeeder);
        }

        var created = await CreateTablesAsync(cancellationToken).ConfigureAwait(false);
        if (CoreOptions.AsyncSeeder is { } seeder)
        {
            await seeder(currentContext.Context, created, cancellationToken).ConfigureAwait(false);
        }

        return created;
    }

    private CoreOptionsExtension CoreOptions => contextOptions.FindExtension<CoreOptionsExtension>() ?? new CoreOptionsExtension();

    // Creates the missing tables and writes the model's seed data into those it created; true when it created any.
    private async Task<bool> CreateTablesAsync(CancellationToken cancellationToken)
    {
        var createdTables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in GetCreateTableRequests())
        {
            var existing = await client.DescribeTableAsync(request.TableName, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                try
                {
                    await client.CreateTableAsync(request, cancellationToken).ConfigureAwait(false);
                    createdTables.Add(request.TableName);
                }
                catch (ResourceInUseException)
                {
                    // Another process created it between DescribeTable and CreateTable; validate it below.
                }

                existing = await WaitForActiveAsync(request.TableName, cancellationToken).ConfigureAwait(false);
            }
            else if (existing.TableStatus != TableStatus.ACTIVE)
            {
                existing = await WaitForActiveAsync(request.TableName, cancellationToken).ConfigureAwait(false);
            }

            ValidateKeySchema(request, existing);
            await AddMissingIndexesAsync(request, existing, cancellationToken).ConfigureAwait(false);
            await EnableTimeToLiveAsync(request.TableName, cancellationToken).ConfigureAwait(false);
        }

        await InsertSeedDataAsync(createdTables, cancellationToken).ConfigureAwait(false);
        return createdTables.Count > 0;
    }

    // The seed data of the entity types stored in the tables just created, written as SaveChanges writes new entities
    // (owned seed data inside its owner's item) from a state manager of its own, so the context tracks nothing
    // afterwards. Tables that existed keep what they hold: an application that deleted a seeded item does not get it
    // back. Each Put is conditioned on the item not existing, as another process may be seeding the same table.
    private async Task InsertSeedDataAsync(HashSet<string> createdTables, CancellationToken cancellationToken)
    {
        if (createdTables.Count == 0)
        {
            return;
        }

        IUpdateAdapter? updateAdapter = null;
        foreach (var entityType in designTimeModel.Model.GetEntityTypes())
        {
            var seeds = entityType.GetSeedData();
            if (!seeds.Any() || !createdTables.Contains(options.ResolveTableName(GetItemType(entityType))))
            {
                continue;
            }

            updateAdapter ??= updateAdapterFactory.CreateStandalone();
            var runtimeEntityType = updateAdapter.Model.FindEntityType(entityType.Name)!;
            foreach (var seed in seeds)
            {
                updateAdapter.CreateEntry(seed, runtimeEntityType).EntityState = EntityState.Added;
            }
        }

        if (updateAdapter is not null)
        {
            await ((DynamoDbDatabase)database).InsertMissingAsync(updateAdapter.GetEntriesToSave(), cancellationToken).ConfigureAwait(false);
        }
    }

    // The entity type whose item stores an entity of this type: an owned type lives in its owner's item.
    private static IEntityType GetItemType(IEntityType entityType)
    {
        while (entityType.FindOwnership() is { } ownership)
        {
            entityType = ownership.PrincipalEntityType;
        }

        return entityType;
    }

    /// <inheritdoc />
    public virtual bool EnsureDeleted()
    {
        logger.SyncNotSupported(nameof(EnsureDeletedAsync));
        return EnsureDeletedAsync().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public virtual async Task<bool> EnsureDeletedAsync(CancellationToken cancellationToken = default)
    {
        var deleted = false;
        foreach (var request in GetCreateTableRequests())
        {
            if (await client.DeleteTableAsync(request.TableName, cancellationToken).ConfigureAwait(false))
            {
                deleted = true;
                await WaitForDeletedAsync(request.TableName, cancellationToken).ConfigureAwait(false);
            }
        }

        return deleted;
    }

    /// <inheritdoc />
    public virtual bool CanConnect()
    {
        logger.SyncNotSupported(nameof(CanConnectAsync));
        return CanConnectAsync().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public virtual async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        // Answers within the connect timeout whatever the client's own settings (a client from the application may
        // retry for minutes): a health check that waits longer than that is itself reported as failing.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            await client.ListTablesAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is AmazonServiceException or HttpRequestException or TimeoutException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    // A model that gained a global secondary index adds it to the existing table (one UpdateTable per index, as
    // DynamoDB requires) and waits until it is built; a local index can only be created with its table.
    private async Task AddMissingIndexesAsync(CreateTableRequest expected, TableDescription existing, CancellationToken cancellationToken)
    {
        var existingLocal = (existing.LocalSecondaryIndexes ?? []).Select(i => i.IndexName).ToHashSet();
        if ((expected.LocalSecondaryIndexes ?? []).FirstOrDefault(i => !existingLocal.Contains(i.IndexName)) is { } missingLocal)
        {
            throw new InvalidOperationException(DynamoDbStrings.MissingLocalIndex(expected.TableName, missingLocal.IndexName));
        }

        var existingGlobal = (existing.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName).ToHashSet();
        foreach (var index in (expected.GlobalSecondaryIndexes ?? []).Where(i => !existingGlobal.Contains(i.IndexName)))
        {
            var keyAttributes = index.KeySchema.Select(k => k.AttributeName).ToHashSet();
            await client.UpdateTableAsync(
                    new UpdateTableRequest
                    {
                        TableName = expected.TableName,
                        AttributeDefinitions = expected.AttributeDefinitions.Where(d => keyAttributes.Contains(d.AttributeName)).ToList(),
                        GlobalSecondaryIndexUpdates =
                        [
                            new GlobalSecondaryIndexUpdate
                            {
                                Create = new CreateGlobalSecondaryIndexAction
                                {
                                    IndexName = index.IndexName,
                                    KeySchema = index.KeySchema,
                                    Projection = index.Projection,
                                    ProvisionedThroughput = index.ProvisionedThroughput,
                                },
                            },
                        ],
                    },
                    cancellationToken)
                .ConfigureAwait(false);
            await WaitForIndexActiveAsync(expected.TableName, index.IndexName, cancellationToken).ConfigureAwait(false);
        }
    }

    // Time to live is a setting of its own (UpdateTimeToLive), not part of CreateTable; it is turned on once.
    private async Task EnableTimeToLiveAsync(string tableName, CancellationToken cancellationToken)
    {
        var timeToLive = designTimeModel.Model.GetEntityTypes()
            .Where(e => e.BaseType is null && !e.IsOwned() && options.ResolveTableName(e) == tableName)
            .Select(e => e.GetTimeToLiveProperty())
            .FirstOrDefault(p => p is not null);
        if (timeToLive is null)
        {
            return;
        }

        var attributeName = timeToLive.GetAttributeName();
        if (await client.DescribeTimeToLiveAsync(tableName, cancellationToken).ConfigureAwait(false) != attributeName)
        {
            await client.UpdateTimeToLiveAsync(tableName, attributeName, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TableDescription> WaitForActiveAsync(string tableName, CancellationToken cancellationToken)
    {
        TableDescription? table = null;
        await WaitUntilAsync(
                async ct =>
                {
                    table = await client.DescribeTableAsync(tableName, ct).ConfigureAwait(false);
                    return (table?.TableStatus == TableStatus.ACTIVE, table?.TableStatus?.Value);
                },
                status => DynamoDbStrings.TableNotActive(tableName, options.WaitForActiveTimeout, status ?? "missing"),
                cancellationToken)
            .ConfigureAwait(false);
        return table!;
    }

    private Task WaitForIndexActiveAsync(string tableName, string indexName, CancellationToken cancellationToken)
        => WaitUntilAsync(
            async ct =>
            {
                var index = (await client.DescribeTableAsync(tableName, ct).ConfigureAwait(false))?.GlobalSecondaryIndexes?
                    .FirstOrDefault(i => i.IndexName == indexName);
                return (index?.IndexStatus == IndexStatus.ACTIVE, index?.IndexStatus?.Value);
            },
            status => DynamoDbStrings.TableNotActive(tableName + "/" + indexName, options.WaitForActiveTimeout, status ?? "missing"),
            cancellationToken);

    private Task WaitForDeletedAsync(string tableName, CancellationToken cancellationToken)
        => WaitUntilAsync(
            async ct => (await client.DescribeTableAsync(tableName, ct).ConfigureAwait(false) is null, null),
            _ => DynamoDbStrings.TableNotDeleted(tableName, options.WaitForActiveTimeout),
            cancellationToken);

    // Polls until the check passes, for at most the configured WaitForActiveTimeout.
    private async Task WaitUntilAsync(
        Func<CancellationToken, Task<(bool Done, string? Status)>> check,
        Func<string?, string> timeoutMessage,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.WaitForActiveTimeout;
        while (true)
        {
            var (done, status) = await check(cancellationToken).ConfigureAwait(false);
            if (done)
            {
                return;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(timeoutMessage(status));
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void ValidateKeySchema(CreateTableRequest expected, TableDescription actual)
    {
        var expectedKey = DescribeKeySchema(expected.KeySchema, expected.AttributeDefinitions);
        var actualKey = DescribeKeySchema(actual.KeySchema ?? [], actual.AttributeDefinitions ?? []);
        if (expectedKey != actualKey)
        {
            throw new InvalidOperationException(DynamoDbStrings.ExistingTableKeyMismatch(expected.TableName, expectedKey, actualKey));
        }
    }

    private static string DescribeKeySchema(List<KeySchemaElement> keySchema, List<AttributeDefinition> definitions)
        => "(" + string.Join(", ", keySchema.Select(k =>
            $"{k.AttributeName} {k.KeyType?.Value} {definitions.FirstOrDefault(d => d.AttributeName == k.AttributeName)?.AttributeType?.Value}")) + ")";
}
