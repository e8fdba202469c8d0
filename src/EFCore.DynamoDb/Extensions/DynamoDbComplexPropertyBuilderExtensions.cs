using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Maps a complex property, and the properties of its type, onto attributes of a nested map (M).</summary>
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
}
