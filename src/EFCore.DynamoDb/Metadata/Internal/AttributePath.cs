using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>
/// Where a property lives in an item: a top-level attribute, or an attribute of the nested map (M) of the complex
/// property that holds it (<c>Address.City</c>), at any depth. A member of a complex collection's element is
/// located relative to the element's map, since the list (L) between them has no fixed position to address.
/// </summary>
public static class AttributePath
{
    /// <summary>The attribute names from the item (or the collection element) down to the member's attribute.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyPropertyBase member)
    {
        var segments = new List<string> { AttributeName(member) };
        var type = member.DeclaringType;
        while (type is IReadOnlyComplexType { ComplexProperty: { IsCollection: false } complexProperty })
        {
            segments.Insert(0, complexProperty.GetAttributeName());
            type = complexProperty.DeclaringType;
        }

        return segments;
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
            Expression.Assign(container, CreateContainerExpression(item, path)),
            Expression.Condition(
                Expression.Equal(container, Expression.Constant(null, container.Type)),
                mapping.CreateMissingValueExpression(targetType),
                mapping.CreateReadExpression(container, path[^1], targetType)));
    }

    /// <summary>
    /// An expression for the map that holds the member's attribute: <paramref name="item" /> itself for a top-level
    /// member, else the nested map of its complex property, which is null when a map on the way is missing.
    /// </summary>
    public static Expression CreateContainerExpression(Expression item, IReadOnlyPropertyBase member)
        => CreateContainerExpression(item, Of(member));

    private static Expression CreateContainerExpression(Expression item, IReadOnlyList<string> path)
    {
        var map = item;
        foreach (var segment in path.Take(path.Count - 1))
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
