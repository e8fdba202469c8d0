using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Reads the DynamoDB mapping of a property.</summary>
public static class DynamoDbPropertyExtensions
{
    /// <summary>The name of the item attribute the property is stored in: <c>HasAttributeName</c>, else the property name.</summary>
    public static string GetAttributeName(this IReadOnlyProperty property)
        => (string?)property[DynamoDbAnnotationNames.AttributeName] ?? property.Name;

    /// <summary>The name of the nested map (M) attribute a complex property is stored in: <c>HasAttributeName</c>, else its name.</summary>
    public static string GetAttributeName(this IReadOnlyComplexProperty complexProperty)
        => (string?)complexProperty[DynamoDbAnnotationNames.AttributeName] ?? complexProperty.Name;

    /// <summary>Sets the attribute name.</summary>
    public static void SetAttributeName(this IMutableProperty property, string? name)
        => property.SetOrRemoveAnnotation(DynamoDbAnnotationNames.AttributeName, name);

    /// <summary>Sets the attribute name at the given configuration source.</summary>
    public static string? SetAttributeName(this IConventionProperty property, string? name, bool fromDataAnnotation = false)
        => (string?)property.SetOrRemoveAnnotation(DynamoDbAnnotationNames.AttributeName, name, fromDataAnnotation)?.Value;

    /// <summary>The constant prefix of the property's key template, or null.</summary>
    public static string? GetKeyPrefix(this IReadOnlyProperty property)
        => (string?)property[DynamoDbAnnotationNames.KeyPrefix];

    /// <summary>Sets the constant prefix of the property's key template.</summary>
    public static void SetKeyPrefix(this IMutableProperty property, string? prefix)
        => property.SetOrRemoveAnnotation(DynamoDbAnnotationNames.KeyPrefix, prefix);

    /// <summary>
    /// True when the property is stored in a key attribute of its table or of one of the table's secondary
    /// indexes (a property of a complex type never is).
    /// </summary>
    public static bool IsTableOrIndexKey(this IReadOnlyProperty property)
        => property.IsPrimaryKey()
            || (property.DeclaringType is IReadOnlyEntityType entityType
                && entityType.GetRootType().GetSecondaryIndexesOfDerivedTypesInclusive()
                    .Any(i => i.GetIndexPartitionKeyProperties().Contains(property) || i.GetIndexSortKeyProperties().Contains(property)));
}
