using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>
/// How an owned entity type sits inside its owner's item: an owned reference is a nested map (M), an owned
/// collection a list (L) of maps. The key EF gives an owned type is not stored: its ownership foreign key is the
/// owner's key, and the extra key of a collection element is the element's position in the list.
/// </summary>
public static class OwnedTypeExtensions
{
    /// <summary>The attribute holding the owned type's map (or list of maps) in its owner: <c>HasAttributeName</c>, else the navigation name.</summary>
    public static string GetContainingAttributeName(this IReadOnlyEntityType ownedType)
        => (string?)ownedType[DynamoDbAnnotationNames.AttributeName] ?? ownedType.FindOwnership()!.PrincipalToDependent!.Name;

    /// <summary>True for the ownership foreign key and the position key of an owned type: values that are not stored.</summary>
    public static bool IsOwnershipKey(this IReadOnlyProperty property)
        => property.DeclaringType is IReadOnlyEntityType entityType
            && entityType.FindOwnership() is { } ownership
            && (ownership.Properties.Contains(property) || IsOrdinalKey(property));

    /// <summary>
    /// True for the position key EF adds to an owned collection's element type (a shadow integer in the primary key
    /// besides the ownership foreign key): read as the element's position in the list.
    /// </summary>
    public static bool IsOrdinalKey(this IReadOnlyProperty property)
        => property.DeclaringType is IReadOnlyEntityType entityType
            && entityType.FindOwnership() is { IsUnique: false } ownership
            && property.IsPrimaryKey()
            && property.IsShadowProperty()
            && !ownership.Properties.Contains(property)
            && (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(int);

    /// <summary>True for an owned type stored in a list: the elements of an owned collection, or anything they own.</summary>
    public static bool IsInOwnedCollection(this IReadOnlyEntityType entityType)
    {
        for (var ownership = entityType.FindOwnership(); ownership is not null; ownership = ownership.PrincipalEntityType.FindOwnership())
        {
            if (!ownership.IsUnique)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The navigations from a type to the types it owns.</summary>
    public static IEnumerable<INavigation> GetOwnedNavigations(this IEntityType entityType)
        => entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent);
}
