using System.Linq.Expressions;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Runs EF's post-processing, then lets the access-path chooser decide how each query reads DynamoDB.</summary>
public class DynamoDbQueryTranslationPostprocessor(
    QueryTranslationPostprocessorDependencies dependencies,
    QueryCompilationContext queryCompilationContext,
    IDynamoDbSingletonOptions options)
    : QueryTranslationPostprocessor(dependencies, queryCompilationContext)
{
    /// <inheritdoc />
    public override Expression Process(Expression query)
    {
        query = base.Process(query);
        if (query is ShapedQueryExpression { QueryExpression: DynamoDbQueryExpression queryExpression })
        {
            new DynamoDbAccessPathChooser(QueryCompilationContext.Logger)
                .Choose(queryExpression, options.ResolveTableName(queryExpression.EntityType));
        }

        return query;
    }
}
