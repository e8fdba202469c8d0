using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Takes the DynamoDB query options (WithIndex, WithConsistentRead, WithParallelScan and ToPageAsync's page)
/// out of the query before EF's navigation expansion, which knows no such operators, and records them on the
/// compilation context.
/// </summary>
public class DynamoDbQueryTranslationPreprocessor(
    QueryTranslationPreprocessorDependencies dependencies,
    DynamoDbQueryCompilationContext queryCompilationContext)
    : QueryTranslationPreprocessor(dependencies, queryCompilationContext)
{
    /// <inheritdoc />
    public override Expression Process(Expression query)
        => base.Process(new QueryOptionsExtractor(queryCompilationContext).Visit(query));

    private sealed class QueryOptionsExtractor(DynamoDbQueryCompilationContext context) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!node.Method.IsGenericMethod || node.Method.DeclaringType != typeof(DynamoDbQueryableExtensions))
            {
                return base.VisitMethodCall(node);
            }

            var method = node.Method.GetGenericMethodDefinition();
            if (method == DynamoDbQueryableExtensions.WithIndexMethod)
            {
                context.RequiredIndexName = (string)((ConstantExpression)node.Arguments[1]).Value!;
            }
            else if (method == DynamoDbQueryableExtensions.WithConsistentReadMethod)
            {
                context.ConsistentRead = true;
            }
            else if (method == DynamoDbQueryableExtensions.WithParallelScanMethod)
            {
                context.ParallelScanSegments = (int)((ConstantExpression)node.Arguments[1]).Value!;
            }
            else if (method == DynamoDbQueryableExtensions.WithPageMethod)
            {
                context.PageRequestParameterName = ((QueryParameterExpression)node.Arguments[1]).Name;
            }
            else
            {
                return base.VisitMethodCall(node);
            }

            return Visit(node.Arguments[0]);
        }
    }
}
