using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace EFCore.DynamoDb.Query.Internal.TransactionalRead;

/// <summary>
/// The result of a query for whole keys read with <c>WithTransactionalRead()</c>: one TransactGetItems of at most 100
/// keys, read as one serializable snapshot and sent again through the execution strategy after a transient failure
/// (a conflicting transaction among them). A read DynamoDB cancels for good is an <see cref="InvalidOperationException" />
/// that names the entity type and DynamoDB's reasons. Within <c>Database.TransactionalReadAsync</c>, its Gets join
/// those of other queries in one TransactGetItems, and it shapes its share of the answer.
/// </summary>
public sealed class TransactGetQueryingEnumerable<T>(DynamoDbQueryContext queryContext, CompiledDynamoDbQuery<T> compiledQuery)
    : DynamoDbQueryingEnumerable<T>(queryContext, compiledQuery)
{
    private IReadOnlyList<ItemResponse>? _responses;

    /// <summary>The entity type the query reads.</summary>
    public string EntityTypeName => RequestBuilder.Query.EntityType.DisplayName();

    /// <summary>The request this execution sends, or null when no key is left (null keys match no item).</summary>
    public TransactGetItemsRequest? CreateRequest() => RequestBuilder.CreateTransactGetItemsRequest(QueryContext);

    /// <summary>Makes this execution read its items from a TransactGetItems sent with other queries' Gets.</summary>
    public void UseResponses(IReadOnlyList<ItemResponse> responses) => _responses = responses;

    /// <inheritdoc />
    protected override IEnumerable<AmazonWebServiceRequest> CreateFirstRequests(RowWindow window)
        => CreateRequest() is { } request ? [request] : [];

    /// <inheritdoc />
    protected override async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        RowWindow window,
        Dictionary<string, AttributeValue>? startKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var responses = _responses;
        if (responses is null)
        {
            if (window.ItemsNeeded == 0 || CreateRequest() is not { } request)
            {
                yield break;
            }

            var client = QueryContext.Client;
            try
            {
                responses = (await QueryContext.Retrier.ExecuteAsync(ct => client.TransactGetItemsAsync(request, ct), cancellationToken).ConfigureAwait(false))
                    .Responses ?? [];
            }
            catch (Exception exception) when (TransactionalReadFailure.Map(exception, EntityTypeName) is { } mapped)
            {
                throw mapped;
            }
        }

        // DynamoDB answers each Get in the request's order; a key without an item has an empty response.
        foreach (var item in responses)
        {
            if (item.Item is { Count: > 0 } found)
            {
                yield return found;
            }
        }
    }
}
