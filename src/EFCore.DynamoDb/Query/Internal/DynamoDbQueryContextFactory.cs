using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Creates a <see cref="DynamoDbQueryContext" /> per query execution.</summary>
public class DynamoDbQueryContextFactory(QueryContextDependencies dependencies, IDynamoDbClientWrapper client, DynamoDbRequestRetrier retrier)
    : IQueryContextFactory
{
    /// <inheritdoc />
    public virtual QueryContext Create() => new DynamoDbQueryContext(dependencies, client, retrier);
}
