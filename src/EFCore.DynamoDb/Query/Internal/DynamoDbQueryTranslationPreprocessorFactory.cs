using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Creates the preprocessor for each query compilation.</summary>
public class DynamoDbQueryTranslationPreprocessorFactory(QueryTranslationPreprocessorDependencies dependencies)
    : IQueryTranslationPreprocessorFactory
{
    /// <inheritdoc />
    public virtual QueryTranslationPreprocessor Create(QueryCompilationContext queryCompilationContext)
        => new DynamoDbQueryTranslationPreprocessor(dependencies, (DynamoDbQueryCompilationContext)queryCompilationContext);
}
