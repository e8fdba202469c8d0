using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Creates the LINQ operator translator for each query compilation.</summary>
public class DynamoDbQueryableMethodTranslatingExpressionVisitorFactory(
    QueryableMethodTranslatingExpressionVisitorDependencies dependencies,
    IDynamoDbSingletonOptions options)
    : IQueryableMethodTranslatingExpressionVisitorFactory
{
    /// <inheritdoc />
    public virtual QueryableMethodTranslatingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new DynamoDbQueryableMethodTranslatingExpressionVisitor(dependencies, queryCompilationContext, options.ExcludeExpiredItems);
}
