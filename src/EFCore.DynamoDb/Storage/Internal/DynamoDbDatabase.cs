using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Update.Internal;
using EFCore.DynamoDb.Update.Internal.UniqueIndexes;
using EFCore.DynamoDb.ValueGeneration.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// SaveChanges for DynamoDB: one conditional write per changed item; one item is sent as its own request, several
/// (or any with condition checks) as one atomic TransactWriteItems. Under <c>AutoTransactionBehavior.Never</c> every
/// item is its own conditional request, many in flight at once: the written entities are saved even when others
/// fail, and the exception names exactly the failed ones. A save that cannot be sent (too many or too large for one
/// transaction, the same item twice) fails before anything is sent. An entity with unique indexes is written with its
/// guard items (<see cref="UniqueIndexGuard" />) in one TransactWriteItems, also when it is the only one or under
/// <c>Never</c>.
/// </summary>
public class DynamoDbDatabase(
    DatabaseDependencies dependencies,
    IDynamoDbClientWrapper client,
    ICurrentDbContext currentDbContext,
    IDynamoDbSingletonOptions options,
    DynamoDbWriteCommandFactory commandFactory,
    DynamoDbConditionChecks conditionChecks,
    DynamoDbWriteErrorMapper errorMapper,
    UniqueIndexGuardFactory guardFactory,
    DynamoDbRequestRetrier retrier,
    DynamoDbKeyCounterAssigner keyCounters,
    IDiagnosticsLogger<DbLoggerCategory.Database> databaseLogger)
    : Database(dependencies)
{
    /// <summary>The most actions one TransactWriteItems request may hold.</summary>
    public const int MaxTransactionActions = 100;

    // The transaction that failed without a definite answer (a 5xx, a timeout, a throttle) and its token: retried
    // unchanged (by the execution strategy or the application), it is sent with the same token, so DynamoDB applies
    // it at most once.
    private (string Request, string Token)? _unansweredTransaction;

    /// <inheritdoc />
    public override int SaveChanges(IList<IUpdateEntry> entries)
    {
        databaseLogger.SyncNotSupported(nameof(DbContext.SaveChangesAsync));
        return SaveChangesAsync(entries).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Saves the entries; a concurrency conflict is logged as EF's <c>OptimisticConcurrencyException</c> event first,
    /// which an interceptor may suppress, as in EF's other providers.
    /// </summary>
    public override async Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken = default)
    {
        try
        {
            await keyCounters.AssignAsync(entries, cancellationToken).ConfigureAwait(false);
            var saved = await SaveChangesCoreAsync(entries, cancellationToken).ConfigureAwait(false);
            keyCounters.Saved();
            return saved;
        }
        catch (DbUpdateConcurrencyException exception)
        {
            var failed = exception.Entries.Select(e => (IUpdateEntry)e.GetInfrastructure()).ToList();
            if ((await Dependencies.Logger.OptimisticConcurrencyExceptionAsync(currentDbContext.Context, failed, exception, null, cancellationToken)
                    .ConfigureAwait(false)).IsSuppressed)
            {
                return entries.Count;
            }

            throw;
        }
    }

    private async Task<int> SaveChangesCoreAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken)
    {
        SetTimestamps(entries);
        var save = CreateCommands(entries);
        var checks = conditionChecks.Pending;
        if (currentDbContext.Context.Database.AutoTransactionBehavior == AutoTransactionBehavior.Never)
        {
            if (checks.Count > 0)
            {
                throw new InvalidOperationException(DynamoDbStrings.ConditionCheckWithoutTransaction(checks.Count));
            }

            await SaveIndependentlyAsync(save, cancellationToken).ConfigureAwait(false);
            return entries.Count;
        }

        var guards = guardFactory.Create(save.Commands);
        switch (save.Commands.Count + checks.Count + guards.Count)
        {
            case 0:
                return 0;
            case 1 when checks.Count == 0:
                try
                {
                    await SendAsync(save.Commands[0], cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    throw errorMapper.Map(save.Commands[0], exception);
                }

                break;
            default:
                await SendTransactionAsync(save.Commands, checks, guards, cancellationToken).ConfigureAwait(false);
                conditionChecks.Clear();
                break;
        }

        return entries.Count;
    }

    /// <summary>
    /// Writes each Added entry (with the owned entries its item stores) as its own Put conditioned on the item not
    /// existing, the same Put SaveChanges sends for a new entity; an item that already exists is left as it is. Used
    /// by EnsureCreated for the model's seed data (<c>HasData</c>). Returns the number of items written.
    /// </summary>
    public virtual async Task<int> InsertMissingAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken = default)
    {
        SetTimestamps(entries);
        var written = 0;
        await Parallel.ForEachAsync(
                CreateCommands(entries).Commands,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentWrites, CancellationToken = cancellationToken },
                async (command, token) =>
                {
                    var guards = guardFactory.Create(command);
                    try
                    {
                        await retrier.ExecuteAsync(SendAsync(command, guards), token).ConfigureAwait(false);
                        Interlocked.Increment(ref written);
                    }
                    catch (Exception exception) when (exception is ConditionalCheckFailedException
                                                          || (exception is TransactionCanceledException { CancellationReasons: [{ Code: "ConditionalCheckFailed" }, ..] }))
                    {
                        // The item exists: seed data never overwrites what is stored.
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        throw errorMapper.Map(command, exception);
                    }
                })
            .ConfigureAwait(false);
        return written;
    }

    private async Task SendTransactionAsync(
        IReadOnlyList<DynamoDbWriteCommand> commands,
        IReadOnlyList<DynamoDbConditionCheck> checks,
        IReadOnlyList<UniqueIndexGuard> guards,
        CancellationToken cancellationToken)
    {
        var actions = commands.Count + checks.Count + guards.Count;
        if (actions > MaxTransactionActions)
        {
            throw new InvalidOperationException(DynamoDbStrings.TooManyEntriesForTransaction(actions, MaxTransactionActions));
        }

        var size = commands.Sum(c => c.Size) + guards.Sum(g => g.Size);
        if (size > DynamoDbItemSize.MaxTransactionBytes)
        {
            throw new InvalidOperationException(DynamoDbStrings.TransactionTooLarge(commands.Count, size, DynamoDbItemSize.MaxTransactionBytes));
        }

        var transactItems = new List<TransactWriteItem>(actions);
        transactItems.AddRange(commands.Select(c => c.CreateTransactItem()));
        transactItems.AddRange(checks.Select(c => c.CreateTransactItem()));
        transactItems.AddRange(guards.Select(g => g.CreateTransactItem()));
        var request = new TransactWriteItemsRequest
        {
            TransactItems = transactItems,
        };

        // Serialized only after a failure without an answer, to recognize the same save retried.
        var requestText = _unansweredTransaction is null ? null : WriteActions(request);
        request.ClientRequestToken = _unansweredTransaction is { } unanswered && unanswered.Request == requestText
            ? unanswered.Token
            : Guid.NewGuid().ToString("N");
        _unansweredTransaction = null;
        try
        {
            await client.TransactWriteItemsAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Only a cancelled transaction is a definite answer; anything else (a 5xx, a throttle, a timeout, even the
            // caller's cancellation once the request left) may have been applied.
            if (exception is not TransactionCanceledException and not ConditionalCheckFailedException)
            {
                _unansweredTransaction = (requestText ?? WriteActions(request), request.ClientRequestToken);
            }

            if (exception is OperationCanceledException)
            {
                throw;
            }

            throw errorMapper.Map(commands, checks, exception, guards);
        }
    }

    // The actions of a transaction, what makes two saves the same: its token and the options the client wrapper sets
    // are not part of it.
    private static string WriteActions(TransactWriteItemsRequest request)
        => DynamoDbRequestJsonWriter.Write(new TransactWriteItemsRequest { TransactItems = request.TransactItems });

    // AutoTransactionBehavior.Never: each command on its own, at most MaxConcurrentWrites in flight, each retried on
    // transient failures by the execution strategy (EF does not wrap a Never save in it, and retrying the whole save
    // would write the already written entities twice). The entities
    // written are accepted here even when others fail (EF accepts nothing when SaveChanges throws), so a failed save
    // leaves exactly the failed entities with their changes, to be fixed and saved again.
    private async Task SaveIndependentlyAsync(PreparedSave save, CancellationToken cancellationToken)
    {
        var commands = save.Commands;
        var written = new bool[commands.Count];
        var failures = new DynamoDbWriteFailure?[commands.Count];
        var exceptions = new Exception?[commands.Count];
        try
        {
            await Parallel.ForEachAsync(
                    Enumerable.Range(0, commands.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentWrites, CancellationToken = cancellationToken },
                    async (i, token) =>
                    {
                        var guards = guardFactory.Create(commands[i]);
                        try
                        {
                            await retrier.ExecuteAsync(SendAsync(commands[i], guards), token).ConfigureAwait(false);
                            written[i] = true;
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException)
                        {
                            exceptions[i] = exception;
                            failures[i] = errorMapper.Classify(commands[i], guards, exception);
                        }
                    })
                .ConfigureAwait(false);
        }
        finally
        {
            if (Array.IndexOf(written, false) >= 0)
            {
                AcceptWritten(save, written);
            }
        }

        var failed = failures.OfType<DynamoDbWriteFailure>().ToList();
        if (failed.Count > 0)
        {
            throw errorMapper.Create(failed, exceptions.First(e => e is not null)!, DynamoDbWriteOutcome.Independent, written.Count(w => w));
        }
    }

    private static void AcceptWritten(PreparedSave save, bool[] written)
    {
        for (var i = 0; i < written.Length; i++)
        {
            if (!written[i])
            {
                continue;
            }

            var root = save.Commands[i].Entry;
            foreach (var entry in save.EntriesOf(root))
            {
                ((InternalEntityEntry)entry).AcceptChanges();
            }
        }
    }

    // One command per item: an owned entity is stored in its root's item, so its change is part of the root's write,
    // even when the root itself did not change.
    private PreparedSave CreateCommands(IList<IUpdateEntry> entries)
    {
        var roots = new List<IUpdateEntry>(entries.Count);
        OwnedWriteScope? ownedChanges = null;
        Dictionary<IUpdateEntry, List<IUpdateEntry>>? ownedEntriesByRoot = null;
        HashSet<IUpdateEntry>? listedRoots = null;
        foreach (var entry in entries)
        {
            if (!entry.EntityType.IsOwned())
            {
                roots.Add(entry);
                continue;
            }

            var root = (ownedChanges ??= new OwnedWriteScope()).Add(entry);
            ownedEntriesByRoot ??= new Dictionary<IUpdateEntry, List<IUpdateEntry>>(ReferenceEqualityComparer.Instance);
            if (!ownedEntriesByRoot.TryGetValue(root, out var ownedEntries))
            {
                ownedEntriesByRoot[root] = ownedEntries = [];
                listedRoots ??= new HashSet<IUpdateEntry>(entries.Where(e => !e.EntityType.IsOwned()), ReferenceEqualityComparer.Instance);
                if (!listedRoots.Contains(root))
                {
                    roots.Add(root);
                }
            }

            ownedEntries.Add(entry);
        }

        var commands = new List<DynamoDbWriteCommand>(roots.Count);
        var commandsByItem = roots.Count > 1 ? new Dictionary<string, DynamoDbWriteCommand>(roots.Count) : null;
        foreach (var root in roots)
        {
            if (commandFactory.Create(root, ownedChanges) is not { } command)
            {
                continue;
            }

            // DynamoDB refuses a transaction that writes one item twice; independent writes of it would race.
            if (commandsByItem is not null && !commandsByItem.TryAdd(command.ItemIdentity, command))
            {
                throw new InvalidOperationException(DynamoDbStrings.SameItemTwice(
                    commandsByItem[command.ItemIdentity].Entry.EntityType.DisplayName(), command.Entry.EntityType.DisplayName(), command.TableName));
            }

            commands.Add(command);
        }

        return new PreparedSave(commands, ownedEntriesByRoot);
    }

    // Dynamoose/Dynamode timestamps: CreatedAt and UpdatedAt on add, UpdatedAt on every change, in UTC.
    private static void SetTimestamps(IList<IUpdateEntry> entries)
    {
        DateTimeOffset? now = null;
        foreach (var entry in entries)
        {
            // The clock is read only for a type that keeps timestamps.
            if (entry.EntityState is EntityState.Added or EntityState.Modified && entry.EntityType.AreTimestampsEnabled())
            {
                EntityTimestamps.Set(entry, entry.EntityState == EntityState.Added, now ??= DateTimeOffset.UtcNow);
            }
        }
    }

    // A Put that finds its own item already stored was applied by an earlier attempt whose answer was lost: done.
    private async Task<AmazonWebServiceResponse?> SendAsync(DynamoDbWriteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return command.CreateRequest() switch
            {
                PutItemRequest put => await client.PutItemAsync(put, cancellationToken).ConfigureAwait(false),
                UpdateItemRequest update => await client.UpdateItemAsync(update, cancellationToken).ConfigureAwait(false),
                var delete => await client.DeleteItemAsync((DeleteItemRequest)delete, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (ConditionalCheckFailedException failure) when (command.IsOwnEarlierWrite(failure))
        {
            return null;
        }
    }

    // An entity write with its unique-index guards, atomically: one TransactWriteItems (the command, then the guards)
    // built once, so every retry sends it with the same token and DynamoDB applies it at most once.
    private Func<CancellationToken, Task<AmazonWebServiceResponse?>> SendAsync(DynamoDbWriteCommand command, IReadOnlyList<UniqueIndexGuard> guards)
    {
        if (guards.Count == 0)
        {
            return token => SendAsync(command, token);
        }

        var request = new TransactWriteItemsRequest
        {
            TransactItems = [command.CreateTransactItem(), .. guards.Select(g => g.CreateTransactItem())],
            ClientRequestToken = Guid.NewGuid().ToString("N"),
        };
        return async token => await client.TransactWriteItemsAsync(request, token).ConfigureAwait(false);
    }

    // The commands of a save, and the owned entries each root's item stores.
    private sealed class PreparedSave(List<DynamoDbWriteCommand> commands, Dictionary<IUpdateEntry, List<IUpdateEntry>>? ownedEntriesByRoot)
    {
        public List<DynamoDbWriteCommand> Commands { get; } = commands;

        public IEnumerable<IUpdateEntry> EntriesOf(IUpdateEntry root)
            => ownedEntriesByRoot is not null && ownedEntriesByRoot.TryGetValue(root, out var owned) ? [root, .. owned] : [root];
    }
}
