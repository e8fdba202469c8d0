using EFCore.DynamoDb.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Update.Internal.Cascade;

/// <summary>
/// EF's state manager, with the stored dependents of deleted entities found (<see cref="CascadeDeleteLoader" />) before
/// each save collects its entries: after the context detected its changes, before anything is sent, and outside the
/// save's critical section, where the loader's queries may run. Inside the execution strategy's retries the
/// dependents loaded by the first attempt are tracked, so a retry reads them again but loads nothing twice.
/// </summary>
public class DynamoDbStateManager(
    StateManagerDependencies dependencies,
    CascadeDeleteLoader cascadeDeletes,
    IDiagnosticsLogger<DbLoggerCategory.Database> databaseLogger)
    : StateManager(dependencies)
{
    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (cascadeDeletes.HasWork(this))
        {
            databaseLogger.SyncNotSupported(nameof(DbContext.SaveChangesAsync));
            cascadeDeletes.LoadAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await cascadeDeletes.LoadAsync(this, cancellationToken).ConfigureAwait(false);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
    }
}
