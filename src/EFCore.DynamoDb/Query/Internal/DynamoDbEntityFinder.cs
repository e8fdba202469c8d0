using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// <c>FindAsync</c> through a query compiled once per entity type, instead of building and looking up a new LINQ
/// query on every call: the same GetItem, with the same tracking, for a fraction of EF's per-call query cost.
/// Whatever EF must check or can answer itself (wrong key values, an entity already tracked) goes to EF's own
/// finder, so its errors and identity resolution are unchanged.
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
