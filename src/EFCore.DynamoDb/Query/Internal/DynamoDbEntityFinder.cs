using Microsoft.EntityFrameworkCore;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// <c>FindAsync</c> through a query compiled once per entity type, instead of building and looking up a new LINQ
/// query on every call: the same GetItem, with the same tracking, for a fraction of EF's per-call query cost.
/// Whatever EF must check or can answer itself (wrong key values, an entity already tracked) goes to EF's own
/// finder, so its errors and identity resolution are unchanged. Loading a navigation goes through EF's finder too
/// (its key-equality query is a GetItem, or a Query of the foreign key's index); one that must Scan is named in a
/// warning first.
/// </summary>
public class DynamoDbEntityFinder<TEntity>(
    IStateManager stateManager,
    IDbSetSource setSource,
    IDbSetCache setCache,
    IEntityType entityType,
    Func<DbContext, object[], CancellationToken, Task<TEntity?>> compiledFind)
    : EntityFinder<TEntity>(stateManager, setSource, setCache, entityType)
    where TEntity : class
{
    private readonly IKey _key = entityType.FindPrimaryKey()!;
    private readonly IStateManager _stateManager = stateManager;

    /// <inheritdoc />
    public override ValueTask<TEntity?> FindAsync(object?[]? keyValues, CancellationToken cancellationToken = default)
        => keyValues is null || !HasKeyShape(keyValues) || _stateManager.TryGetEntry(_key, keyValues) is not null
            ? base.FindAsync(keyValues, cancellationToken)
            : new ValueTask<TEntity?>(compiledFind(_stateManager.Context, keyValues!, cancellationToken));

    /// <inheritdoc />
    public override void Load(INavigation navigation, InternalEntityEntry entry, LoadOptions options)
    {
        WarnIfLoadScans(navigation);
        base.Load(navigation, entry, options);
    }

    /// <inheritdoc />
    public override Task LoadAsync(INavigation navigation, InternalEntityEntry entry, LoadOptions options, CancellationToken cancellationToken = default)
    {
        WarnIfLoadScans(navigation);
        return base.LoadAsync(navigation, entry, options, cancellationToken);
    }

    // A collection is loaded by its foreign key (a Query or a Scan); a reference by the principal's key: a GetItem.
    private void WarnIfLoadScans(INavigation navigation)
    {
        if (!navigation.IsCollection)
        {
            return;
        }

        if (navigation.ForeignKey.ReadsDependentsWithQuery())
        {
            return;
        }

        var dependent = navigation.ForeignKey.DeclaringEntityType;
        var foreignKey = navigation.ForeignKey.Properties;
        var context = _stateManager.Context;
        context.GetService<IDiagnosticsLogger<DbLoggerCategory.Query>>().NavigationLoadScanWarning(
            navigation.DeclaringEntityType.DisplayName() + "." + navigation.Name,
            context.GetService<IDynamoDbSingletonOptions>().ResolveTableName(dependent.GetRootType()),
            dependent.DisplayName(),
            string.Join(", ", foreignKey.Select(p => "'" + p.Name + "'")));
    }

    private bool HasKeyShape(object?[] keyValues)
    {
        var properties = _key.Properties;
        if (keyValues.Length != properties.Count)
        {
            return false;
        }

        for (var i = 0; i < keyValues.Length; i++)
        {
            if (keyValues[i]?.GetType() != (Nullable.GetUnderlyingType(properties[i].ClrType) ?? properties[i].ClrType))
            {
                return false;
            }
        }

        return true;
    }
}
