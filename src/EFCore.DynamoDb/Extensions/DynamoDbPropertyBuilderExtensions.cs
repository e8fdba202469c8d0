using EFCore.DynamoDb.Metadata.Internal;
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

    /// <summary>
    /// Gives a key or index-key property a key template with a constant prefix, as single-table designs do
    /// (<c>PK = "CUSTOMER#" + Id</c>): the prefix is written in front of the stored text and stripped on read, and
    /// conditions on the unprefixed value (<c>==</c>, ranges, <c>StartsWith</c>) become key conditions on the
    /// prefixed attribute. Non-string values are stored as their invariant text after the prefix.
    /// </summary>
    public static PropertyBuilder HasKeyPrefix(this PropertyBuilder propertyBuilder, string prefix)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        propertyBuilder.Metadata.SetKeyPrefix(prefix);
        return propertyBuilder;
    }

    /// <inheritdoc cref="HasKeyPrefix(PropertyBuilder, string)" />
    public static PropertyBuilder<TProperty> HasKeyPrefix<TProperty>(this PropertyBuilder<TProperty> propertyBuilder, string prefix)
        => (PropertyBuilder<TProperty>)HasKeyPrefix((PropertyBuilder)propertyBuilder, prefix);

    /// <summary>
    /// Sets how many values one counter request reserves for this generated integer key, overriding the model's
    /// <c>HasKeyBlockSize</c>.
    /// </summary>
    public static PropertyBuilder HasKeyBlockSize(this PropertyBuilder propertyBuilder, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        propertyBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.KeyBlockSize, blockSize);
        return propertyBuilder;
    }

    /// <inheritdoc cref="HasKeyBlockSize(PropertyBuilder, int)" />
    public static PropertyBuilder<TProperty> HasKeyBlockSize<TProperty>(this PropertyBuilder<TProperty> propertyBuilder, int blockSize)
        => (PropertyBuilder<TProperty>)HasKeyBlockSize((PropertyBuilder)propertyBuilder, blockSize);
}
