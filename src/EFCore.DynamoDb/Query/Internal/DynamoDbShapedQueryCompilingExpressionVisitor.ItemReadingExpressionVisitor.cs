using System.Linq.Expressions;
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
    /// attributes. This visitor replaces every such read with a typed read of the attribute from the item, leaves
    /// the (unused) value buffer empty, and reads captured values of a client projection from the query context.
    /// </summary>
    private sealed class ItemReadingExpressionVisitor(ParameterExpression itemParameter, DynamoDbQueryExpression query) : ExpressionVisitor
    {
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
                _ => base.VisitExtension(node),
            };

        private Expression Read(IProperty property, Type type) => AttributePath.CreateReadExpression(itemParameter, property, type);
    }
}
