using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The result of a query that knows the whole primary key: one GetItem (sent again after a transient failure), at
/// most one item.
/// </summary>
public sealed class ItemQueryingEnumerable<T>(DynamoDbQueryContext queryContext, CompiledDynamoDbQuery<T> compiledQuery)
    : DynamoDbQueryingEnumerable<T>(queryContext, compiledQuery)
{
    /// <inheritdoc />
    protected override IEnumerable<AmazonWebServiceRequest> CreateFirstRequests(RowWindow window)
        => RequestBuilder.CreateGetItemRequest(QueryContext) is { } request ? [request] : [];

    /// <inheritdoc />
    protected override async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        RowWindow window,
        Dictionary<string, AttributeValue>? startKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (window.ItemsNeeded == 0 || RequestBuilder.CreateGetItemRequest(QueryContext) is not { } request)
        {
            yield break;
        }

        var client = QueryContext.Client;
        var response = await QueryContext.Retrier.ExecuteAsync(ct => client.GetItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
        if (response.Item is { Count: > 0 } item)
        {
            yield return item;
        }
    }
}
