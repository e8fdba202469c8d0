using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Maps an owned navigation onto the attribute of its owner's item that holds it.</summary>
public static class DynamoDbOwnedNavigationBuilderExtensions
{
    /// <summary>
    /// Stores the owned reference in the nested map (M), or the owned collection in the list (L) of maps, with this
    /// attribute name (by default, the navigation name).
    /// </summary>
    public static OwnedNavigationBuilder HasAttributeName(this OwnedNavigationBuilder ownedNavigationBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(ownedNavigationBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ownedNavigationBuilder.OwnedEntityType.SetOrRemoveAnnotation(DynamoDbAnnotationNames.AttributeName, name);
        return ownedNavigationBuilder;
    }

    /// <inheritdoc cref="HasAttributeName(OwnedNavigationBuilder, string)" />
    public static OwnedNavigationBuilder<TOwner, TDependent> HasAttributeName<TOwner, TDependent>(
        this OwnedNavigationBuilder<TOwner, TDependent> ownedNavigationBuilder,
        string name)
        where TOwner : class
        where TDependent : class
        => (OwnedNavigationBuilder<TOwner, TDependent>)HasAttributeName((OwnedNavigationBuilder)ownedNavigationBuilder, name);
}
