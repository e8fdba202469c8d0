using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The result of a Query or Scan: pages through LastEvaluatedKey, requesting the next page only when the consumer
/// needs more items than the pages read so far held.
/// </summary>
public sealed class PagingQueryingEnumerable<T>(
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
        => RequestBuilder.AccessPath == DynamoDbAccessPath.Query
            ? RequestBuilder.CreateQueryRequest(queryContext)
            : RequestBuilder.CreateScanRequest(queryContext);

    /// <inheritdoc />
    protected override IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        DynamoDbQueryContext queryContext,
        CancellationToken cancellationToken)
        => RequestBuilder.AccessPath == DynamoDbAccessPath.Query
            ? QueryAsync(queryContext, cancellationToken)
            : ScanAsync(queryContext, cancellationToken);

    private async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryAsync(
        DynamoDbQueryContext queryContext,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (RequestBuilder.CreateQueryRequest(queryContext) is not { } request)
        {
            yield break;
        }

        while (true)
        {
            var response = await queryContext.Client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                yield return item;
            }

            if (response.LastEvaluatedKey is not { Count: > 0 } lastKey)
            {
                yield break;
            }

            request.ExclusiveStartKey = lastKey;
        }
    }

    private async IAsyncEnumerable<Dictionary<string, AttributeValue>> ScanAsync(
        DynamoDbQueryContext queryContext,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = RequestBuilder.CreateScanRequest(queryContext);
        while (true)
        {
            var response = await queryContext.Client.ScanAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                yield return item;
            }

            if (response.LastEvaluatedKey is not { Count: > 0 } lastKey)
            {
                yield break;
            }

            request.ExclusiveStartKey = lastKey;
        }
    }
}
