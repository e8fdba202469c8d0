using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Creates the shaped-query compiler for each query compilation.</summary>
public class DynamoDbShapedQueryCompilingExpressionVisitorFactory(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    IDynamoDbSingletonOptions options)
    : IShapedQueryCompilingExpressionVisitorFactory
{
    /// <inheritdoc />
    public virtual ShapedQueryCompilingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new DynamoDbShapedQueryCompilingExpressionVisitor(dependencies, queryCompilationContext, options);
}
