using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update.Internal.Cascade;

/// <summary>
/// What a relational database does for the rows that refer to a deleted row, done before SaveChanges sends anything,
/// since DynamoDB has no foreign keys: EF applies a relationship's delete behavior only to the dependents it tracks, so
/// for each deleted principal the dependents not loaded are found by their foreign key (a Query of the table or of the
/// foreign key's index; else one Scan per relationship, with a warning naming it and the fix).
/// <list type="bullet">
///   <item><c>Cascade</c>, <c>ClientCascade</c>, <c>SetNull</c>: the dependents are loaded into the context, and EF's
///   own cascade deletes them (or sets their foreign key to null) in the same TransactWriteItems as the principal, each
///   with its conditions (concurrency tokens, unique-index guards); their own dependents in turn, level by level.</item>
///   <item><c>Restrict</c>, <c>NoAction</c>, <c>ClientSetNull</c>: a stored dependent EF does not track would be left
///   referring to nothing, so the save fails with a <see cref="DbUpdateException" /> naming the relationship, as a
///   relational database's constraint does.</item>
///   <item><c>ClientNoAction</c>: nothing is read, as the model asks.</item>
/// </list>
/// A transaction holds at most <see cref="DynamoDbDatabase.MaxTransactionActions" /> items, so each read asks for at
/// most one item more than that and a cascade beyond it fails before anything is sent, the entities it loaded detached
/// again (under <c>AutoTransactionBehavior.Never</c>, which writes each item on its own, there is no bound).
/// </summary>
public class CascadeDeleteLoader(
    ICurrentDbContext currentDbContext,
    IDynamoDbSingletonOptions options,
    IDiagnosticsLogger<DbLoggerCategory.Query> queryLogger)
{
    /// <summary>Whether a save of this state has deleted principals whose stored dependents must be looked for.</summary>
    public virtual bool HasWork(IStateManager stateManager)
        => stateManager.GetCountForState(deleted: true) > 0
            && stateManager.GetEntriesForState(deleted: true).Any(e => ForeignKeysToFollow(e.EntityType).Any());

    /// <summary>
    /// Finds the stored dependents of every deleted entity, as its relationships' delete behaviors ask, and applies
    /// EF's cascade to those it loads; then the same for the dependents that cascade deleted, until none is left.
    /// </summary>
    public virtual async Task LoadAsync(IStateManager stateManager, CancellationToken cancellationToken)
    {
        if (!HasWork(stateManager))
        {
            return;
        }

        // The tracked dependents first, as SaveChanges would: their own stored dependents are looked for too.
        stateManager.CascadeChanges(force: false);
        var context = currentDbContext.Context;
        var bounded = context.Database.AutoTransactionBehavior != AutoTransactionBehavior.Never;
        var loaded = new List<InternalEntityEntry>();
        void OnTracked(object? sender, EntityTrackedEventArgs e)
        {
            if (e.FromQuery)
            {
                loaded.Add(e.Entry.GetInfrastructure());
            }
        }

        context.ChangeTracker.Tracked += OnTracked;
        try
        {
            var visited = new HashSet<InternalEntityEntry>(ReferenceEqualityComparer.Instance);
            while (stateManager.GetEntriesForState(deleted: true).Where(visited.Add).ToList() is { Count: > 0 } principals)
            {
                var byForeignKey = principals
                    .SelectMany(p => ForeignKeysToFollow(p.EntityType).Select(fk => (ForeignKey: fk, Principal: p)))
                    .GroupBy(p => p.ForeignKey, p => p.Principal);
                foreach (var group in byForeignKey)
                {
                    await FollowAsync(stateManager, group.Key, group.ToList(), bounded, loaded, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            // Nothing was sent: the context holds what it held before, not half a cascade.
            foreach (var entry in loaded)
            {
                if (entry.EntityState != EntityState.Detached)
                {
                    entry.SetEntityState(EntityState.Detached);
                }
            }

            throw;
        }
        finally
        {
            context.ChangeTracker.Tracked -= OnTracked;
        }
    }

    // Owned types are stored in their owner's item, and keyless types are never tracked: neither is read on its own.
    private static IEnumerable<IForeignKey> ForeignKeysToFollow(IEntityType principalType)
        => principalType.GetReferencingForeignKeys().Where(fk =>
            fk.DeleteBehavior != DeleteBehavior.ClientNoAction
            && !fk.IsOwnership
            && !fk.DeclaringEntityType.IsOwned()
            && fk.DeclaringEntityType.FindPrimaryKey() is not null);

    private async Task FollowAsync(
        IStateManager stateManager,
        IForeignKey foreignKey,
        List<InternalEntityEntry> principals,
        bool bounded,
        List<InternalEntityEntry> loaded,
        CancellationToken cancellationToken)
    {
        var keyed = principals
            .Select(p => (Principal: p, Key: foreignKey.PrincipalKey.Properties.Select(p.GetCurrentValue).ToArray()))
            .Where(p => p.Key.All(v => v is not null))
            .ToList();
        if (keyed.Count == 0)
        {
            return;
        }

        var loads = foreignKey.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.ClientCascade or DeleteBehavior.SetNull;
        int? take = bounded ? DynamoDbDatabase.MaxTransactionActions + 1 : null;
        var context = currentDbContext.Context;
        var loadedBefore = loaded.Count;
        var byQuery = foreignKey.ReadsDependentsWithQuery();
        if (!byQuery)
        {
            queryLogger.CascadeDeleteScanWarning(
                Describe(foreignKey),
                options.ResolveTableName(foreignKey.DeclaringEntityType.GetRootType()),
                foreignKey.DeclaringEntityType.DisplayName(),
                string.Join(", ", foreignKey.Properties.Select(p => "'" + p.Name + "'")));
        }

        var found = 0;
        if (byQuery || foreignKey.Properties.Count > 1)
        {
            foreach (var (_, key) in keyed)
            {
                found += (await DependentsQuery.OfOneAsync(context, foreignKey, key, take, cancellationToken).ConfigureAwait(false)).Count;
            }
        }
        else
        {
            // One Scan for all the principals (each dependent is then EF's to match to its principal), not one each.
            found = (await DependentsQuery.OfManyAsync(context, foreignKey, keyed.Select(p => p.Key[0]!).ToList(), take, cancellationToken)
                .ConfigureAwait(false)).Count;
        }

        if (loads)
        {
            foreach (var (principal, _) in keyed)
            {
                stateManager.CascadeDelete(principal, force: false, [foreignKey]);
            }

            if (bounded
                && found > 0
                && stateManager.GetCountForState(added: true, modified: true, deleted: true) > DynamoDbDatabase.MaxTransactionActions)
            {
                throw new InvalidOperationException(DynamoDbStrings.CascadeDeleteTooManyItems(
                    foreignKey.PrincipalEntityType.DisplayName(), Describe(foreignKey), foreignKey.DeleteBehavior.ToString(), DynamoDbDatabase.MaxTransactionActions));
            }

            return;
        }

        // Restrict and the like: a stored dependent the context did not track keeps referring to the deleted principal.
        // (One it tracked is EF's to handle: it sets the foreign key to null, or refuses to sever a required relationship.)
        if (loaded.Count > loadedBefore)
        {
            throw new DbUpdateException(
                DynamoDbStrings.DeleteRestrictedByDependents(
                    foreignKey.PrincipalEntityType.DisplayName(), foreignKey.DeclaringEntityType.DisplayName(), Describe(foreignKey), foreignKey.DeleteBehavior.ToString()),
                [(IUpdateEntry)keyed[0].Principal]);
        }
    }

    // 'Dependent.ForeignKey -> Principal', the relationship as a reader finds it in the model.
    private static string Describe(IForeignKey foreignKey)
        => "'" + foreignKey.DeclaringEntityType.DisplayName() + "." + string.Join(", ", foreignKey.Properties.Select(p => p.Name))
            + " -> " + foreignKey.PrincipalEntityType.DisplayName() + "'";
}
