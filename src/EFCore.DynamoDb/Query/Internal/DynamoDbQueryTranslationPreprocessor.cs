using System.Linq.Expressions;
using EFCore.DynamoDb.Query.Internal.Lookups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Takes the DynamoDB query options (WithIndex, WithConsistentRead, WithParallelScan, ExcludeExpiredItems and
/// ToPageAsync's page)
/// out of the query before EF's navigation expansion, which knows no such operators, and records them on the
/// compilation context, and writes <c>Equals</c> across two CLR types as false, EF's rule (see
/// <see cref="MismatchedEqualsRewriter" />), and moves a Where after a Join that tests only the outer element onto the
/// outer source (<see cref="OuterPredicatePushdown" />).
/// </summary>
public class DynamoDbQueryTranslationPreprocessor(
    QueryTranslationPreprocessorDependencies dependencies,
    DynamoDbQueryCompilationContext queryCompilationContext)
    : QueryTranslationPreprocessor(dependencies, queryCompilationContext)
{
    /// <inheritdoc />
    public override Expression Process(Expression query)
    {
        query = new QueryOptionsExtractor(queryCompilationContext).Visit(query);
        query = new MismatchedEqualsRewriter().Visit(query);
        query = new OuterPredicatePushdown().Visit(query);
        return base.Process(query);
    }

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
            else if (method == DynamoDbQueryableExtensions.ExcludeExpiredItemsMethod)
            {
                context.ExcludeExpiredItems = true;
            }
            else if (method == DynamoDbQueryableExtensions.WithTransactionalReadMethod)
            {
                context.TransactionalRead = true;
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
