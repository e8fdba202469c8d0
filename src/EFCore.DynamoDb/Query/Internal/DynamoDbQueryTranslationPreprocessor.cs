using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Takes the DynamoDB query options (WithIndex, WithConsistentRead, WithParallelScan, ExcludeExpiredItems and
/// ToPageAsync's page)
/// out of the query before EF's navigation expansion, which knows no such operators, and records them on the
/// compilation context, and writes <c>Equals</c> across two CLR types as false, EF's rule (see
/// <see cref="MismatchedEqualsRewriter" />). A projection that reads a navigation to another entity type fails here with the reason,
/// before navigation expansion turns it into a join that would fail without one.
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
        new ProjectedNavigationFinder(queryCompilationContext.Model).Visit(query);
        return base.Process(query);
    }

    private sealed class ProjectedNavigationFinder(IModel model) : ExpressionVisitor
    {
        private MethodCallExpression? _select;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Queryable) || node.Method.Name != nameof(Queryable.Select))
            {
                return base.VisitMethodCall(node);
            }

            Visit(node.Arguments[0]);
            var outer = _select;
            _select = node;
            Visit(node.Arguments[1]);
            _select = outer;
            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (_select is not null
                && node.Expression is { } instance
                && model.FindEntityType(instance.Type) is { } entityType
                && ((INavigationBase?)entityType.FindNavigation(node.Member.Name) ?? entityType.FindSkipNavigation(node.Member.Name)) is { } navigation
                && !navigation.TargetEntityType.IsOwned())
            {
                throw new InvalidOperationException(CoreStrings.TranslationFailedWithDetails(
                    _select.Print(),
                    DynamoDbStrings.ProjectionMemberNotMapped(navigation.Name, entityType.DisplayName())));
            }

            return base.VisitMember(node);
        }
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
