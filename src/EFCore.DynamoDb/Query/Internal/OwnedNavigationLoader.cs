using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Sets an owner's owned navigations from the owned entities read out of its item, as a query's shaper runs. In a
/// tracking query EF's fixup does it when the owned entities start being tracked (their key is the owner's), so
/// only the navigation's loaded flag is set here; without tracking, the navigation is assigned or filled here.
/// </summary>
public static class OwnedNavigationLoader
{
    /// <summary>The method <see cref="IncludeReference" />.</summary>
    public static readonly MethodInfo IncludeReferenceMethod = typeof(OwnedNavigationLoader).GetMethod(nameof(IncludeReference))!;

    /// <summary>The method <see cref="IncludeCollection{TElement}" />.</summary>
    public static readonly MethodInfo IncludeCollectionMethod = typeof(OwnedNavigationLoader).GetMethod(nameof(IncludeCollection))!;

    /// <summary>Sets an owned reference (null when the item has no map for it).</summary>
    public static void IncludeReference(QueryContext queryContext, object? owner, object? owned, INavigation navigation, bool tracking)
    {
        if (!IsOwner(owner, navigation))
        {
            return;
        }

        if (tracking)
        {
            if (owned is null)
            {
                queryContext.SetNavigationIsLoaded(owner, navigation);
            }

            return;
        }

        navigation.SetIsLoadedWhenNoTracking(owner);
        if (owned is not null)
        {
            ((IRuntimePropertyBase)navigation).GetSetter().SetClrValueUsingContainingEntity(owner, owned);
        }
    }

    /// <summary>Fills an owned collection (created when the owner has none, so an empty list reads as empty).</summary>
    public static void IncludeCollection<TElement>(QueryContext queryContext, object? owner, List<TElement> elements, INavigation navigation, bool tracking)
        where TElement : class
    {
        if (!IsOwner(owner, navigation))
        {
            return;
        }

        var collection = navigation.GetCollectionAccessor()!;
        collection.GetOrCreate(owner, forMaterialization: true);
        if (tracking)
        {
            queryContext.SetNavigationIsLoaded(owner, navigation);
            return;
        }

        foreach (var element in elements)
        {
            collection.Add(owner, element, forMaterialization: true);
        }

        navigation.SetIsLoadedWhenNoTracking(owner);
    }

    // A query over a hierarchy includes the owned navigations of every derived type; each row sets those of its own type.
    private static bool IsOwner([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] object? owner, INavigation navigation)
        => owner is not null && navigation.DeclaringEntityType.ClrType.IsInstanceOfType(owner);
}
