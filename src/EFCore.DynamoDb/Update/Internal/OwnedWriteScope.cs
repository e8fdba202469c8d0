using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// The owned entities that changed in one save of a root entity's item, with every owner above them: which owned
/// navigations of which owner have a change somewhere inside. Also finds the tracked entry of an owned entity and
/// the root that stores it.
/// </summary>
public sealed class OwnedWriteScope
{
    private readonly HashSet<IUpdateEntry> _dirty = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(IUpdateEntry Owner, INavigation Navigation)> _changedNavigations = [];

    private OwnedWriteScope()
    {
    }

    /// <summary>True when any owned entity of the item changed.</summary>
    public bool HasChanges => _dirty.Count > 0;

    /// <summary>The scope of these changed owned entries (all of one root).</summary>
    public static OwnedWriteScope Create(IReadOnlyCollection<IUpdateEntry> changedOwnedEntries)
    {
        var scope = new OwnedWriteScope();
        foreach (var changed in changedOwnedEntries)
        {
            var entry = changed;
            while (entry.EntityType.FindOwnership() is { } ownership)
            {
                var owner = OwnerOf(entry, ownership);
                scope._dirty.Add(entry);
                scope._changedNavigations.Add((owner, ownership.PrincipalToDependent!));
                entry = owner;
            }
        }

        return scope;
    }

    /// <summary>True when the owned entity, or one it owns, changed.</summary>
    public bool IsDirty(IUpdateEntry ownedEntry) => _dirty.Contains(ownedEntry);

    /// <summary>True when something changed under this owned navigation of this owner (an entity added, removed or changed).</summary>
    public bool Changed(IUpdateEntry owner, INavigation navigation) => _changedNavigations.Contains((owner, navigation));

    /// <summary>The entry of the root entity whose item stores this (owned or root) entity.</summary>
    public static IUpdateEntry RootOf(IUpdateEntry entry)
    {
        while (entry.EntityType.FindOwnership() is { } ownership)
        {
            entry = OwnerOf(entry, ownership);
        }

        return entry;
    }

    /// <summary>The tracked entry of an owned entity that an owner's navigation holds.</summary>
    public static IUpdateEntry EntryOf(IUpdateEntry ownerEntry, object owned, IEntityType ownedType)
        => ((InternalEntityEntry)ownerEntry).StateManager.TryGetEntry(owned, ownedType)
            ?? throw new InvalidOperationException(
                $"The owned '{ownedType.DisplayName()}' of '{ownerEntry.EntityType.DisplayName()}' is not tracked; call DetectChanges before saving.");

    /// <summary>
    /// Gives each new element of an owned collection a position key no sibling uses: EF gave it a temporary one,
    /// and the key is never stored (a read numbers the elements by their position in the list).
    /// </summary>
    public static void AssignPositions(IReadOnlyList<IUpdateEntry> elements)
    {
        if (elements.Count == 0 || elements[0].EntityType.FindPrimaryKey()!.Properties.FirstOrDefault(p => p.IsOrdinalKey()) is not { } position)
        {
            return;
        }

        var next = elements.Where(e => !e.HasTemporaryValue(position)).Select(e => (int)e.GetCurrentValue(position)!).DefaultIfEmpty(0).Max();
        foreach (var element in elements.Where(e => e.HasTemporaryValue(position)))
        {
            element.SetStoreGeneratedValue(position, ++next, setModified: false);
        }
    }

    private static IUpdateEntry OwnerOf(IUpdateEntry entry, IForeignKey ownership)
        => ((InternalEntityEntry)entry).StateManager.FindPrincipal((InternalEntityEntry)entry, ownership)
            ?? throw new InvalidOperationException(
                $"The owner of the owned '{entry.EntityType.DisplayName()}' is not tracked, so the item that stores it is unknown.");
}
