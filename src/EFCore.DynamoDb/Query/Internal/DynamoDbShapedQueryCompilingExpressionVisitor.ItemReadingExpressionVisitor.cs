using System.Linq.Expressions;
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
    /// EF's materializer reads each property from a value buffer by index. This visitor replaces every such read
    /// with a typed read of the property's attribute from the item, and leaves the (unused) value buffer empty.
    /// </summary>
    private sealed class ItemReadingExpressionVisitor(ParameterExpression itemParameter) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.IsGenericMethod
                && node.Method.GetGenericMethodDefinition() == EfExpressionExtensions.ValueBufferTryReadValueMethod
                && node.Arguments[2] is ConstantExpression { Value: IProperty property })
            {
                return ((DynamoDbTypeMapping)property.GetTypeMapping()).CreateReadExpression(itemParameter, property.GetAttributeName(), node.Type);
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitExtension(Expression node)
            => node is ProjectionBindingExpression { Type: var type } && type == typeof(ValueBuffer)
                ? Expression.Constant(ValueBuffer.Empty)
                : base.VisitExtension(node);
    }
}
