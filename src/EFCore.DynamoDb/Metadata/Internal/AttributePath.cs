using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>
/// Where a property lives in an item: a top-level attribute, or an attribute of the nested map (M) of the complex
/// property or owned reference that holds it (<c>Address.City</c>), at any depth. A member of a collection's element
/// (complex or owned) is located relative to the element's map, since the list (L) between them has no fixed
/// position to address: the element type is then the path's anchor, where the root entity type is otherwise.
/// </summary>
public static class AttributePath
{
    /// <summary>The attribute names from the anchor's map (the item, or a collection element) down to the member's attribute.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyPropertyBase member)
    {
        var segments = MapPathOf(member.DeclaringType, out _);
        segments.Add(AttributeName(member));
        return segments;
    }

    /// <summary>The type whose map the member's path starts from: the root entity type, or a collection's element type.</summary>
    public static IReadOnlyTypeBase AnchorOf(IReadOnlyPropertyBase member)
    {
        MapPathOf(member.DeclaringType, out var anchor);
        return anchor;
    }

    /// <summary>The attribute names from the anchor's map down to the map of this type (empty for the anchor itself).</summary>
    public static List<string> MapPathOf(IReadOnlyTypeBase type, out IReadOnlyTypeBase anchor)
    {
        var segments = new List<string>();
        while (true)
        {
            switch (type)
            {
                case IReadOnlyComplexType { ComplexProperty: { IsCollection: false } complexProperty }:
                    segments.Insert(0, complexProperty.GetAttributeName());
                    type = complexProperty.DeclaringType;
                    continue;
                case IReadOnlyEntityType entityType when entityType.FindOwnership() is { IsUnique: true } ownership:
                    segments.Insert(0, entityType.GetContainingAttributeName());
                    type = ownership.PrincipalEntityType;
                    continue;
            }

            anchor = type;
            return segments;
        }
    }

    /// <summary>
    /// An expression reading the property from <paramref name="item" /> as <paramref name="targetType" />: through
    /// the nested maps of its complex properties, with the type's missing value when a map is missing.
    /// </summary>
    public static Expression CreateReadExpression(Expression item, IReadOnlyProperty property, Type targetType)
    {
        var mapping = (DynamoDbTypeMapping)property.GetTypeMapping();
        var path = Of(property);
        if (path.Count == 1)
        {
            return mapping.CreateReadExpression(item, path[0], targetType);
        }

        var container = Expression.Variable(typeof(Dictionary<string, AttributeValue>), "map");
        return Expression.Block(
            targetType,
            [container],
            Expression.Assign(container, CreateMapExpression(item, path.Take(path.Count - 1))),
            Expression.Condition(
                Expression.Equal(container, Expression.Constant(null, container.Type)),
                mapping.CreateMissingValueExpression(targetType),
                mapping.CreateReadExpression(container, path[^1], targetType)));
    }

    /// <summary>
    /// An expression for the map at the end of <paramref name="path" /> below <paramref name="map" />, null when a
    /// map on the way is missing.
    /// </summary>
    public static Expression CreateMapExpression(Expression map, IEnumerable<string> path)
    {
        foreach (var segment in path)
        {
            map = Expression.Call(AttributeValueReader.FindMapMethod, map, Expression.Constant(segment));
        }

        return map;
    }

    private static string AttributeName(IReadOnlyPropertyBase member)
        => member switch
        {
            IReadOnlyProperty property => property.GetAttributeName(),
            IReadOnlyComplexProperty complexProperty => complexProperty.GetAttributeName(),
            _ => throw new ArgumentException($"'{member.Name}' is neither a property nor a complex property.", nameof(member)),
        };
}
