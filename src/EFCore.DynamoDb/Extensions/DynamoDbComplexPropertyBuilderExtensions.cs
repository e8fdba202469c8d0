using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Maps a complex property, and the properties of its type, onto attributes of a nested map (M); a complex collection
/// onto a list (L) of such maps.
/// </summary>
public static class DynamoDbComplexPropertyBuilderExtensions
{
    /// <summary>Stores the complex property in the nested map attribute with this name (by default, the property name).</summary>
    public static ComplexPropertyBuilder HasAttributeName(this ComplexPropertyBuilder complexPropertyBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(complexPropertyBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        complexPropertyBuilder.Metadata.SetOrRemoveAnnotation(DynamoDbAnnotationNames.AttributeName, name);
        return complexPropertyBuilder;
    }

    /// <inheritdoc cref="HasAttributeName(ComplexPropertyBuilder, string)" />
    public static ComplexPropertyBuilder<TComplex> HasAttributeName<TComplex>(this ComplexPropertyBuilder<TComplex> complexPropertyBuilder, string name)
        where TComplex : notnull
        => (ComplexPropertyBuilder<TComplex>)HasAttributeName((ComplexPropertyBuilder)complexPropertyBuilder, name);

    /// <summary>
    /// Stores the complex collection in the list (L) attribute with this name (by default, the property name); each
    /// element is a map of the properties of the complex type.
    /// </summary>
    public static ComplexCollectionBuilder HasAttributeName(this ComplexCollectionBuilder complexCollectionBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(complexCollectionBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        complexCollectionBuilder.Metadata.SetOrRemoveAnnotation(DynamoDbAnnotationNames.AttributeName, name);
        return complexCollectionBuilder;
    }

    /// <inheritdoc cref="HasAttributeName(ComplexCollectionBuilder, string)" />
    public static ComplexCollectionBuilder<TComplex> HasAttributeName<TComplex>(this ComplexCollectionBuilder<TComplex> complexCollectionBuilder, string name)
        where TComplex : notnull
        => (ComplexCollectionBuilder<TComplex>)HasAttributeName((ComplexCollectionBuilder)complexCollectionBuilder, name);

    /// <summary>
    /// Stores a property of a complex type in the attribute with this name inside the complex property's nested map
    /// (by default, the property name).
    /// </summary>
    public static ComplexTypePropertyBuilder HasAttributeName(this ComplexTypePropertyBuilder propertyBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        propertyBuilder.Metadata.SetAttributeName(name);
        return propertyBuilder;
    }

    /// <inheritdoc cref="HasAttributeName(ComplexTypePropertyBuilder, string)" />
    public static ComplexTypePropertyBuilder<TProperty> HasAttributeName<TProperty>(this ComplexTypePropertyBuilder<TProperty> propertyBuilder, string name)
        => (ComplexTypePropertyBuilder<TProperty>)HasAttributeName((ComplexTypePropertyBuilder)propertyBuilder, name);

    /// <summary>
    /// Stores a property of a complex collection's element type in the attribute with this name inside each
    /// element's map (by default, the property name).
    /// </summary>
    public static ComplexCollectionTypePropertyBuilder HasAttributeName(this ComplexCollectionTypePropertyBuilder propertyBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        propertyBuilder.Metadata.SetAttributeName(name);
        return propertyBuilder;
    }

    /// <inheritdoc cref="HasAttributeName(ComplexCollectionTypePropertyBuilder, string)" />
    public static ComplexCollectionTypePropertyBuilder<TProperty> HasAttributeName<TProperty>(this ComplexCollectionTypePropertyBuilder<TProperty> propertyBuilder, string name)
        => (ComplexCollectionTypePropertyBuilder<TProperty>)HasAttributeName((ComplexCollectionTypePropertyBuilder)propertyBuilder, name);
}
