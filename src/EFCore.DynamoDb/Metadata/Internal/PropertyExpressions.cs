using System.Linq.Expressions;

namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>Reads property names out of the lambdas the model-building API takes, such as <c>o => o.CustomerId</c>.</summary>
public static class PropertyExpressions
{
    /// <summary>The name of the one property the lambda accesses; a clear error for anything else.</summary>
    public static string GetPropertyName(LambdaExpression propertyExpression)
    {
        var body = propertyExpression.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            body = convert.Operand;
        }

        return body is MemberExpression member && member.Expression == propertyExpression.Parameters[0]
            ? member.Member.Name
            : throw new ArgumentException(
                $"The expression '{propertyExpression}' must name one property of the entity, such as 'o => o.CustomerId'.",
                nameof(propertyExpression));
    }

    /// <summary>
    /// The names of the properties the lambda names, in order: one property (<c>o => o.TenantId</c>) or an
    /// anonymous type of properties (<c>o => new { o.TenantId, o.Region }</c>); a clear error for anything else.
    /// </summary>
    public static IReadOnlyList<string> GetPropertyNames(LambdaExpression propertiesExpression)
    {
        if (propertiesExpression.Body is not NewExpression { Members: not null } anonymous)
        {
            return [GetPropertyName(propertiesExpression)];
        }

        return anonymous.Arguments
            .Select(argument => argument is MemberExpression member && member.Expression == propertiesExpression.Parameters[0]
                ? member.Member.Name
                : throw new ArgumentException(
                    $"The expression '{propertiesExpression}' must name properties of the entity, such as 'o => new {{ o.TenantId, o.Region }}'.",
                    nameof(propertiesExpression)))
            .ToList();
    }
}
