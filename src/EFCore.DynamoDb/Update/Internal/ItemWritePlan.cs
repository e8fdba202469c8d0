using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// What an item (or a nested map) of one type is built from, worked out once per type and kept as a runtime annotation:
/// the stored properties with their attribute names (ownership keys left out), the complex properties and the owned
/// navigations with the attributes they are stored in. Every write of an entity reads it instead of asking the model
/// for each property's annotations and ownership again.
/// </summary>
public sealed class ItemWritePlan
{
    private const string AnnotationName = DynamoDbAnnotationNames.Prefix + "ItemWritePlan";

    private readonly StoredMember<IProperty>[] _properties;
    private readonly StoredMember<IComplexProperty>[] _complexProperties;
    private readonly StoredMember<INavigation>[] _ownedNavigations;

    private ItemWritePlan(ITypeBase type)
    {
        _properties = type.GetProperties().Where(p => !p.IsOwnershipKey()).Select(p => new StoredMember<IProperty>(p, p.GetAttributeName())).ToArray();
        _complexProperties = type.GetComplexProperties().Select(p => new StoredMember<IComplexProperty>(p, p.GetAttributeName())).ToArray();
        _ownedNavigations = type is IEntityType entityType
            ? entityType.GetOwnedNavigations().Select(n => new StoredMember<INavigation>(n, n.TargetEntityType.GetContainingAttributeName())).ToArray()
            : [];
    }

    /// <summary>The properties stored as attributes of the item, each with its attribute name.</summary>
    public ReadOnlySpan<StoredMember<IProperty>> Properties => _properties;

    /// <summary>The complex properties, each stored as a map (or a list of maps) in its attribute.</summary>
    public ReadOnlySpan<StoredMember<IComplexProperty>> ComplexProperties => _complexProperties;

    /// <summary>The navigations to owned entities (none for a complex type), each stored as a map (or a list of maps).</summary>
    public ReadOnlySpan<StoredMember<INavigation>> OwnedNavigations => _ownedNavigations;

    /// <summary>The most attributes an item of the type has: the capacity its map is created with.</summary>
    public int MaxAttributeCount => _properties.Length + _complexProperties.Length + _ownedNavigations.Length;

    /// <summary>The plan of a type, made on first use.</summary>
    public static ItemWritePlan Of(ITypeBase type)
        => type.GetOrAddRuntimeAnnotationValue(AnnotationName, static t => new ItemWritePlan(t!), type);

    /// <summary>A member of the type and the attribute it is stored in.</summary>
    public readonly record struct StoredMember<TMember>(TMember Member, string AttributeName);
}
