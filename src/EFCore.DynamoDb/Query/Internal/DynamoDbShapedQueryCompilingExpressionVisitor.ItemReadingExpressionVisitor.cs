using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using EfExpressionExtensions = Microsoft.EntityFrameworkCore.Infrastructure.ExpressionExtensions;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbShapedQueryCompilingExpressionVisitor
{
    /// <summary>
    /// EF's materializer reads each property from a value buffer by index, and a projection reads bound
    /// attributes. This visitor replaces every such read with a typed read of the attribute from the item (or, inside
    /// a complex collection, from the element's map), leaves the (unused) value buffer empty, reads each complex
    /// collection through a materializer of its element, and reads captured values of a client projection from the
    /// query context.
    /// </summary>
    private sealed class ItemReadingExpressionVisitor(
        ParameterExpression itemParameter,
        DynamoDbQueryExpression query,
        IStructuralTypeMaterializerSource materializerSource) : ExpressionVisitor
    {
        private static readonly System.Reflection.ConstructorInfo MaterializationContextConstructor
            = typeof(MaterializationContext).GetConstructors().Single();

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.IsGenericMethod
                && node.Method.GetGenericMethodDefinition() == EfExpressionExtensions.ValueBufferTryReadValueMethod
                && node.Arguments[2] is ConstantExpression { Value: IProperty property })
            {
                return Read(property, node.Type);
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitExtension(Expression node)
            => node switch
            {
                ProjectionBindingExpression { Type: var type } when type == typeof(ValueBuffer) => Expression.Constant(ValueBuffer.Empty),
                ProjectionBindingExpression { Index: { } index } binding => Read(query.ProjectedProperties[index], binding.Type),
                QueryParameterExpression => new QueryParameterInliningExpressionVisitor().Visit(node),
                ComplexCollectionReadExpression collection => ReadComplexCollection(collection),
                _ => base.VisitExtension(node),
            };

        private Expression Read(IProperty property, Type type) => AttributePath.CreateReadExpression(itemParameter, property, type);

        // Each element is materialized by EF's materializer of the complex type, compiled here once, reading the
        // members of the element from the element's map.
        private Expression ReadComplexCollection(ComplexCollectionReadExpression collection)
        {
            var complexProperty = collection.ComplexProperty;
            var elementType = complexProperty.ComplexType.ClrType;
            var element = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "element");
            var materializationContext = Expression.New(
                MaterializationContextConstructor,
                Expression.Constant(ValueBuffer.Empty),
                Expression.Property(QueryCompilationContext.QueryContextParameter, nameof(QueryContext.Context)));
            var materializer = materializerSource.CreateMaterializeExpression(
                new StructuralTypeMaterializerSourceParameters(complexProperty.ComplexType, "element", elementType, IsNullable: false, QueryTrackingBehavior: null),
                materializationContext);
            var readElement = Expression.Lambda(
                new ItemReadingExpressionVisitor(element, query, materializerSource).Visit(materializer),
                element);

            return Expression.Call(
                AttributeValueReader.ReadComplexCollectionMethod.MakeGenericMethod(collection.Type, elementType),
                AttributePath.CreateContainerExpression(itemParameter, complexProperty),
                Expression.Constant(complexProperty.GetAttributeName()),
                Expression.Constant(complexProperty.IsNullable),
                readElement);
        }
    }
}
