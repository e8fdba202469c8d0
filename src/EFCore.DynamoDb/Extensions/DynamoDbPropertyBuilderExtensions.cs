using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Maps a property onto a DynamoDB attribute.</summary>
public static class DynamoDbPropertyBuilderExtensions
{
    /// <summary>Stores the property in the attribute with this name (by default, the property name).</summary>
    public static PropertyBuilder HasAttributeName(this PropertyBuilder propertyBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        propertyBuilder.Metadata.SetAttributeName(name);
        return propertyBuilder;
    }

    /// <inheritdoc cref="HasAttributeName(PropertyBuilder, string)" />
    public static PropertyBuilder<TProperty> HasAttributeName<TProperty>(this PropertyBuilder<TProperty> propertyBuilder, string name)
        => (PropertyBuilder<TProperty>)HasAttributeName((PropertyBuilder)propertyBuilder, name);
}
