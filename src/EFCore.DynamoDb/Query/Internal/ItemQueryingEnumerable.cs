using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>The result of a query that knows the whole primary key: one GetItem, at most one item.</summary>
public sealed class ItemQueryingEnumerable<T>(
    DynamoDbQueryContext queryContext,
    DynamoDbReadRequestBuilder requestBuilder,
    Func<QueryContext, Dictionary<string, AttributeValue>, T> shaper,
    Type contextType,
    bool standAloneStateManager,
    bool threadSafetyChecksEnabled)
    : DynamoDbQueryingEnumerable<T>(queryContext, requestBuilder, shaper, contextType, standAloneStateManager, threadSafetyChecksEnabled)
{
    /// <inheritdoc />
    protected override AmazonWebServiceRequest? CreateFirstRequest(DynamoDbQueryContext queryContext)
        => RequestBuilder.CreateGetItemRequest(queryContext);

    /// <inheritdoc />
    protected override async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        DynamoDbQueryContext queryContext,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (RequestBuilder.CreateGetItemRequest(queryContext) is not { } request)
        {
            yield break;
        }

        var response = await queryContext.Client.GetItemAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Item is { Count: > 0 } item)
        {
            yield return item;
        }
    }
}
