using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A query compilation with the DynamoDB options the preprocessor took out of the query (WithIndex,
/// WithConsistentRead, WithParallelScan, ExcludeExpiredItems, ToPageAsync), for the translator to apply to the query expression.
/// </summary>
public class DynamoDbQueryCompilationContext(QueryCompilationContextDependencies dependencies, bool async)
    : QueryCompilationContext(dependencies, async)
{
    /// <summary>The index named by WithIndex.</summary>
    public virtual string? RequiredIndexName { get; set; }

    /// <summary>True for WithConsistentRead.</summary>
    public virtual bool ConsistentRead { get; set; }

    /// <summary>True for ExcludeExpiredItems on the query.</summary>
    public virtual bool ExcludeExpiredItems { get; set; }

    /// <summary>True for WithTransactionalRead.</summary>
    public virtual bool TransactionalRead { get; set; }

    /// <summary>The segment count of WithParallelScan.</summary>
    public virtual int? ParallelScanSegments { get; set; }

    /// <summary>The name of the query parameter holding ToPageAsync's page request.</summary>
    public virtual string? PageRequestParameterName { get; set; }
}
