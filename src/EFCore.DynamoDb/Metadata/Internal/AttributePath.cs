using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>
/// Where a property lives in an item: a top-level attribute, or an attribute of the nested map (M) of the complex
/// property that holds it (<c>Address.City</c>), at any depth.
/// </summary>
public static class AttributePath
{
    /// <summary>The attribute names from the item down to the property's attribute.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyProperty property)
    {
        var segments = new List<string> { property.GetAttributeName() };
        var type = property.DeclaringType;
        while (type is IReadOnlyComplexType complexType)
        {
            segments.Insert(0, complexType.ComplexProperty.GetAttributeName());
            type = complexType.ComplexProperty.DeclaringType;
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
        Expression map = item;
        foreach (var segment in path.Take(path.Count - 1))
        {
            map = Expression.Call(AttributeValueReader.FindMapMethod, map, Expression.Constant(segment));
        }

        return Expression.Block(
            targetType,
            [container],
            Expression.Assign(container, map),
            Expression.Condition(
                Expression.Equal(container, Expression.Constant(null, container.Type)),
                mapping.CreateMissingValueExpression(targetType),
                mapping.CreateReadExpression(container, path[^1], targetType)));
    }
}
