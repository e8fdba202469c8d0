using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// The owned entities that changed in one save, by where they are stored: which owned navigation of which owner has
/// a change somewhere inside (an owned entity added, removed or changed, at any depth). Also finds the tracked entry
/// of an owned entity.
/// </summary>
public sealed class OwnedWriteScope
{
    private readonly HashSet<(IUpdateEntry Owner, INavigation Navigation)> _changedNavigations = [];

    /// <summary>
    /// Records a changed entry of the save under each owner above it, and returns the root entry whose item stores
    /// it (the entry itself when it is not owned).
    /// </summary>
    public IUpdateEntry Add(IUpdateEntry entry)
    {
        while (entry.EntityType.FindOwnership() is { } ownership)
        {
            var owner = ((InternalEntityEntry)entry).StateManager.FindPrincipal((InternalEntityEntry)entry, ownership)
                ?? throw new InvalidOperationException(
                    $"The owner of the owned '{entry.EntityType.DisplayName()}' is not tracked, so the item that stores it is unknown.");
            _changedNavigations.Add((owner, ownership.PrincipalToDependent!));
            entry = owner;
        }

        return entry;
    }

    /// <summary>True when something changed under this owned navigation of this owner.</summary>
    public bool Changed(IUpdateEntry owner, INavigation navigation) => _changedNavigations.Contains((owner, navigation));

    /// <summary>
    /// The tracked entry of an owned entity that an owner's navigation holds; for a detached owner (an untracked
    /// entity written by a batch write), a detached entry of its own that nothing keeps.
    /// </summary>
    public static IUpdateEntry EntryOf(IUpdateEntry ownerEntry, object owned, IEntityType ownedType)
        => ownerEntry.EntityState == EntityState.Detached
            ? new InternalEntityEntry(((InternalEntityEntry)ownerEntry).StateManager, ownedType, owned)
            : ((InternalEntityEntry)ownerEntry).StateManager.TryGetEntry(owned, ownedType)
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
}
