using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.Lookups;

/// <summary>
/// Sets an included reference navigation from the entity a lookup found, as the client operators shape each row
/// (<c>Include(o => o.Customer)</c>). A tracked entity (a tracking query, or identity resolution) is wired by EF's
/// fix-up, in both directions, when the looked-up entity starts being tracked, so only the loaded flag is set here;
/// an untracked one gets its navigation, the inverse and the loaded flags here, as EF's own providers' shapers do.
/// </summary>
public static class LookupNavigationLoader
{
    /// <summary>The method <see cref="IncludeReference{TEntity}" />.</summary>
    public static readonly MethodInfo IncludeReferenceMethod = typeof(LookupNavigationLoader).GetMethod(nameof(IncludeReference))!;

    /// <summary>The method <see cref="IncludeCollection{TEntity, TElement}" />.</summary>
    public static readonly MethodInfo IncludeCollectionMethod = typeof(LookupNavigationLoader).GetMethod(nameof(IncludeCollection))!;

    /// <summary>
    /// Fills an included collection navigation with the dependents a lookup found (<c>Include(c => c.Orders)</c>); the
    /// collection is created when the entity has none, so an entity without dependents reads an empty one.
    /// </summary>
    public static TEntity IncludeCollection<TEntity, TElement>(
        QueryContext queryContext,
        TEntity entity,
        IEnumerable<TElement> related,
        INavigation navigation,
        bool setLoaded)
    {
        if (entity is null || !navigation.DeclaringEntityType.ClrType.IsInstanceOfType(entity))
        {
            return entity;
        }

        var collection = navigation.GetCollectionAccessor()!;
        collection.GetOrCreate(entity, forMaterialization: true);
        if (TrackedEntry(queryContext, entity, navigation.DeclaringEntityType) is { } entry)
        {
            if (setLoaded)
            {
                entry.SetIsLoaded(navigation);
            }

            return entity;
        }

        foreach (var element in related)
        {
            if (element is null)
            {
                continue;
            }

            collection.Add(entity, element, forMaterialization: true);
            if (navigation.Inverse is { } inverse)
            {
                ((IRuntimePropertyBase)inverse).GetSetter().SetClrValueUsingContainingEntity(element, entity);
                inverse.SetIsLoadedWhenNoTracking(element);
            }
        }

        if (setLoaded)
        {
            navigation.SetIsLoadedWhenNoTracking(entity);
        }

        return entity;
    }

    /// <summary>Sets <paramref name="navigation" /> of <paramref name="entity" /> to <paramref name="related" /> (null: none found).</summary>
    public static TEntity IncludeReference<TEntity>(QueryContext queryContext, TEntity entity, object? related, INavigation navigation, bool setLoaded)
    {
        // A query over a hierarchy includes the navigations of every derived type; each row sets those of its own type.
        if (entity is null || !navigation.DeclaringEntityType.ClrType.IsInstanceOfType(entity))
        {
            return entity;
        }

        if (TrackedEntry(queryContext, entity, navigation.DeclaringEntityType) is { } entry)
        {
            if (setLoaded)
            {
                entry.SetIsLoaded(navigation);
            }

            return entity;
        }

        if (setLoaded)
        {
            navigation.SetIsLoadedWhenNoTracking(entity);
        }

        if (related is null)
        {
            return entity;
        }

        ((IRuntimePropertyBase)navigation).GetSetter().SetClrValueUsingContainingEntity(entity, related);
        if (navigation.Inverse is { } inverse)
        {
            if (inverse.IsCollection)
            {
                inverse.GetCollectionAccessor()!.Add(related, entity, forMaterialization: true);
            }
            else
            {
                ((IRuntimePropertyBase)inverse).GetSetter().SetClrValueUsingContainingEntity(related, entity);
                inverse.SetIsLoadedWhenNoTracking(related);
            }
        }

        return entity;
    }

    // The entry of this very instance, when the query tracks it (a tracking query, or identity resolution); a keyless
    // entity is never tracked, so its navigations are always set here.
    private static Microsoft.EntityFrameworkCore.ChangeTracking.Internal.InternalEntityEntry? TrackedEntry(QueryContext queryContext, object entity, IEntityType entityType)
    {
        if (entityType.FindPrimaryKey() is not { } key)
        {
            return null;
        }

        var keyValues = key.Properties.Select(p => p.GetGetter().GetClrValueUsingContainingEntity(entity)).ToArray();
        var entry = queryContext.TryGetEntry(key, keyValues!, throwOnNullKey: false, out _);
        return entry is not null && ReferenceEquals(entry.Entity, entity) ? entry : null;
    }
}
