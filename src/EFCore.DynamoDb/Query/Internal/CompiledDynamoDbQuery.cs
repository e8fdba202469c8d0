using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Everything about a compiled query that does not change between executions: the request builder, the
/// materializer, the client-side ordering. Created once per query shape; each execution only adds its query
/// context.
/// </summary>
public sealed record CompiledDynamoDbQuery<T>(
    DynamoDbReadRequestBuilder RequestBuilder,
    Func<QueryContext, Dictionary<string, AttributeValue>, T> Shaper,
    ItemSorter? ClientOrdering,
    Type ContextType,
    bool StandAloneStateManager,
    bool ThreadSafetyChecksEnabled);
