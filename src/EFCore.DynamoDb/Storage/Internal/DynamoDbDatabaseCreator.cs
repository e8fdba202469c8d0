using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// EnsureCreated / EnsureDeleted for DynamoDB: creates each missing table of the model and waits (bounded) until
/// it is ACTIVE; checks that existing tables have the model's key schema; deletes the model's tables and waits
/// until they are gone.
/// </summary>
public class DynamoDbDatabaseCreator(
    IDynamoDbClientWrapper client,
    IDesignTimeModel designTimeModel,
    CreateTableRequestFactory requestFactory,
    IDynamoDbSingletonOptions options,
    IDiagnosticsLogger<DbLoggerCategory.Database> logger)
    : IDatabaseCreator
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The CreateTable requests EnsureCreated would send, without sending anything.</summary>
    public virtual IReadOnlyList<CreateTableRequest> GetCreateTableRequests() => requestFactory.Create(designTimeModel.Model);

    /// <inheritdoc />
    public virtual bool EnsureCreated()
    {
        logger.SyncNotSupported(nameof(EnsureCreatedAsync));
        return EnsureCreatedAsync().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public virtual async Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var created = false;
        foreach (var request in GetCreateTableRequests())
        {
            var existing = await client.DescribeTableAsync(request.TableName, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                try
                {
                    await client.CreateTableAsync(request, cancellationToken).ConfigureAwait(false);
                    created = true;
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
            await EnableTimeToLiveAsync(request.TableName, cancellationToken).ConfigureAwait(false);
        }

        return created;
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
        try
        {
            await client.ListTablesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is AmazonDynamoDBException or Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            return false;
        }
    }

    // Time to live is a setting of its own (UpdateTimeToLive), not part of CreateTable; it is turned on once.
    private async Task EnableTimeToLiveAsync(string tableName, CancellationToken cancellationToken)
    {
        var timeToLive = designTimeModel.Model.GetEntityTypes()
            .Where(e => e.BaseType is null && options.ResolveTableName(e) == tableName)
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
        var deadline = DateTime.UtcNow + options.WaitForActiveTimeout;
        var status = "missing";
        while (true)
        {
            var table = await client.DescribeTableAsync(tableName, cancellationToken).ConfigureAwait(false);
            if (table is not null)
            {
                if (table.TableStatus == TableStatus.ACTIVE)
                {
                    return table;
                }

                status = table.TableStatus?.Value ?? status;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(DynamoDbStrings.TableNotActive(tableName, options.WaitForActiveTimeout, status));
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitForDeletedAsync(string tableName, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.WaitForActiveTimeout;
        while (await client.DescribeTableAsync(tableName, cancellationToken).ConfigureAwait(false) is not null)
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(DynamoDbStrings.TableNotDeleted(tableName, options.WaitForActiveTimeout));
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
