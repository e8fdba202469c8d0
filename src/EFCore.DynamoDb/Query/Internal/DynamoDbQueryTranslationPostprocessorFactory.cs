using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Creates the post-processor for each query compilation.</summary>
public class DynamoDbQueryTranslationPostprocessorFactory(
    QueryTranslationPostprocessorDependencies dependencies,
    IDynamoDbSingletonOptions options)
    : IQueryTranslationPostprocessorFactory
{
    /// <inheritdoc />
    public virtual QueryTranslationPostprocessor Create(QueryCompilationContext queryCompilationContext)
        => new DynamoDbQueryTranslationPostprocessor(dependencies, queryCompilationContext, options);
}
