using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The state of one query execution, with the client wrapper the querying enumerables send through and the retrier
/// that sends each of their requests again after a transient failure.
/// </summary>
public class DynamoDbQueryContext(QueryContextDependencies dependencies, IDynamoDbClientWrapper client, DynamoDbRequestRetrier retrier)
    : QueryContext(dependencies)
{
    /// <summary>The client wrapper.</summary>
    public virtual IDynamoDbClientWrapper Client { get; } = client;

    /// <summary>Retries each request on its own: a failed page is read again, without repeating the pages before it.</summary>
    public virtual DynamoDbRequestRetrier Retrier { get; } = retrier;
}
