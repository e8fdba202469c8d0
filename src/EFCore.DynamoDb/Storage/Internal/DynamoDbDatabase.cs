using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// SaveChanges for DynamoDB: one conditional write per changed entity; one entity is sent as its own request,
/// several as one atomic TransactWriteItems (unless <c>AutoTransactionBehavior.Never</c>). A save that cannot be
/// one transaction fails before anything is sent.
/// </summary>
public class DynamoDbDatabase(
    DatabaseDependencies dependencies,
    IDynamoDbClientWrapper client,
    ICurrentDbContext currentDbContext,
    DynamoDbWriteCommandFactory commandFactory,
    DynamoDbWriteErrorMapper errorMapper,
    IDiagnosticsLogger<DbLoggerCategory.Database> databaseLogger)
    : Database(dependencies)
{
    /// <summary>The most actions one TransactWriteItems request may hold.</summary>
    public const int MaxTransactionActions = 100;

    /// <inheritdoc />
    public override int SaveChanges(IList<IUpdateEntry> entries)
    {
        databaseLogger.SyncNotSupported(nameof(DbContext.SaveChangesAsync));
        return SaveChangesAsync(entries).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken = default)
    {
        SetTimestamps(entries);
        var commands = CreateCommands(entries);

        switch (commands.Count)
        {
            case 0:
                return 0;
            case 1:
                await SendAsync(commands[0], cancellationToken).ConfigureAwait(false);
                return 1;
        }

        if (currentDbContext.Context.Database.AutoTransactionBehavior == AutoTransactionBehavior.Never)
        {
            foreach (var command in commands)
            {
                await SendAsync(command, cancellationToken).ConfigureAwait(false);
            }

            return commands.Count;
        }

        if (commands.Count > MaxTransactionActions)
        {
            throw new InvalidOperationException(DynamoDbStrings.TooManyEntriesForTransaction(commands.Count, MaxTransactionActions));
        }

        var request = new TransactWriteItemsRequest
        {
            TransactItems = commands.Select(c => c.CreateTransactItem()).ToList(),
            // Makes a retry of this same save idempotent for DynamoDB's ten-minute token window.
            ClientRequestToken = Guid.NewGuid().ToString("N"),
            ReturnConsumedCapacity = Amazon.DynamoDBv2.ReturnConsumedCapacity.TOTAL,
        };
        try
        {
            await client.TransactWriteItemsAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw errorMapper.Map(commands, exception);
        }

        return commands.Count;
    }

    // One command per item: an owned entity is stored in its root's item, so its change is part of the root's write,
    // even when the root itself did not change.
    private List<DynamoDbWriteCommand> CreateCommands(IList<IUpdateEntry> entries)
    {
        var roots = new List<IUpdateEntry>(entries.Count);
        OwnedWriteScope? ownedChanges = null;
        HashSet<IUpdateEntry>? listedRoots = null;
        foreach (var entry in entries)
        {
            if (!entry.EntityType.IsOwned())
            {
                roots.Add(entry);
                continue;
            }

            var root = (ownedChanges ??= new OwnedWriteScope()).Add(entry);
            listedRoots ??= new HashSet<IUpdateEntry>(entries.Where(e => !e.EntityType.IsOwned()), ReferenceEqualityComparer.Instance);
            if (listedRoots.Add(root))
            {
                roots.Add(root);
            }
        }

        var commands = new List<DynamoDbWriteCommand>(roots.Count);
        foreach (var root in roots)
        {
            if (commandFactory.Create(root, ownedChanges) is { } command)
            {
                commands.Add(command);
            }
        }

        return commands;
    }

    // Dynamoose/Dynamode timestamps: CreatedAt and UpdatedAt on add, UpdatedAt on every change, in UTC.
    private static void SetTimestamps(IList<IUpdateEntry> entries)
    {
        DateTimeOffset? now = null;
        foreach (var entry in entries)
        {
            if (entry.EntityState is EntityState.Added or EntityState.Modified)
            {
                EntityTimestamps.Set(entry, entry.EntityState == EntityState.Added, now ??= DateTimeOffset.UtcNow);
            }
        }
    }

    private async Task SendAsync(DynamoDbWriteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            switch (command.CreateRequest())
            {
                case PutItemRequest put:
                    await client.PutItemAsync(put, cancellationToken).ConfigureAwait(false);
                    break;
                case UpdateItemRequest update:
                    await client.UpdateItemAsync(update, cancellationToken).ConfigureAwait(false);
                    break;
                case DeleteItemRequest delete:
                    await client.DeleteItemAsync(delete, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw errorMapper.Map(command, exception);
        }
    }
}
