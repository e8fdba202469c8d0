using System.Linq.Expressions;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// EF's materializer, with a complex collection assigned from a <see cref="ComplexCollectionReadExpression" />
/// instead of the default value EF gives it: EF reads scalar and single complex values from the value buffer, but
/// leaves collections of complex values to the provider, which stores them as a list (L) of maps (M).
/// </summary>
public class DynamoDbStructuralTypeMaterializerSource(StructuralTypeMaterializerSourceDependencies dependencies)
    : StructuralTypeMaterializerSource(dependencies)
{
    /// <inheritdoc />
    protected override void AddInitializeExpression(
        IPropertyBase property,
        ParameterBindingInfo bindingInfo,
        Expression instanceVariable,
        MethodCallExpression getValueBufferExpression,
        List<Expression> blockExpressions,
        bool nullable)
    {
        if (property is IComplexProperty { IsCollection: true } complexCollection)
        {
            var member = Expression.MakeMemberAccess(instanceVariable, complexCollection.GetMemberInfo(forMaterialization: true, forSet: true));
            blockExpressions.Add(Expression.Assign(member, new ComplexCollectionReadExpression(complexCollection, member.Type)));
            return;
        }

        base.AddInitializeExpression(property, bindingInfo, instanceVariable, getValueBufferExpression, blockExpressions, nullable);
    }
}
