using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>The state of one query execution, with the client wrapper the querying enumerables send through.</summary>
public class DynamoDbQueryContext(QueryContextDependencies dependencies, IDynamoDbClientWrapper client)
    : QueryContext(dependencies)
{
    /// <summary>The client wrapper.</summary>
    public virtual IDynamoDbClientWrapper Client { get; } = client;
}
