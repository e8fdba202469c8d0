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
    protected override async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        DynamoDbQueryContext queryContext,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Func<Dictionary<string, AttributeValue>?, CancellationToken, Task<(List<Dictionary<string, AttributeValue>>? Items, Dictionary<string, AttributeValue>? LastKey)>> readPage;
        if (RequestBuilder.AccessPath == DynamoDbAccessPath.Query)
        {
            if (RequestBuilder.CreateQueryRequest(queryContext) is not { } query)
            {
                yield break;
            }

            readPage = async (startKey, ct) =>
            {
                query.ExclusiveStartKey = startKey;
                var response = await queryContext.Client.QueryAsync(query, ct).ConfigureAwait(false);
                return (response.Items, response.LastEvaluatedKey);
            };
        }
        else
        {
            var scan = RequestBuilder.CreateScanRequest(queryContext);
            readPage = async (startKey, ct) =>
            {
                scan.ExclusiveStartKey = startKey;
                var response = await queryContext.Client.ScanAsync(scan, ct).ConfigureAwait(false);
                return (response.Items, response.LastEvaluatedKey);
            };
        }

        Dictionary<string, AttributeValue>? lastKey = null;
        do
        {
            (var items, lastKey) = await readPage(lastKey, cancellationToken).ConfigureAwait(false);
            foreach (var item in items ?? [])
            {
                yield return item;
            }
        }
        while (lastKey is { Count: > 0 });
    }
}
