using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// True when the query's result is a scalar computed on the client from the entities it reads (Count after Take…):
    /// those entities are not the query's result, so, as in EF's other providers, they are not tracked.
    /// </summary>
    public virtual bool ResultIsClientScalar { get; set; }

    /// <inheritdoc />
    public override QueryTrackingBehavior QueryTrackingBehavior
        => ResultIsClientScalar ? QueryTrackingBehavior.NoTracking : base.QueryTrackingBehavior;
}
