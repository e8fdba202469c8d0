using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Diagnostics.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The result of a query for a set of whole keys: BatchGetItem requests of at most 100 keys, with the keys
/// DynamoDB leaves unprocessed (throttling, the 16 MB response limit) asked for again after a growing, jittered
/// delay until every key was answered. A request that fails transiently is sent again through the execution
/// strategy; the keys already answered are not asked for again.
/// </summary>
public sealed class BatchGetQueryingEnumerable<T>(DynamoDbQueryContext queryContext, CompiledDynamoDbQuery<T> compiledQuery)
    : DynamoDbQueryingEnumerable<T>(queryContext, compiledQuery)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override IEnumerable<AmazonWebServiceRequest> CreateFirstRequests(RowWindow window)
        => RequestBuilder.CreateBatchGetItemRequests(QueryContext);

    /// <inheritdoc />
    protected override async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        RowWindow window,
        Dictionary<string, AttributeValue>? startKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (window.ItemsNeeded == 0)
        {
            yield break;
        }

        var client = QueryContext.Client;
        foreach (var request in RequestBuilder.CreateBatchGetItemRequests(QueryContext))
        {
            var delay = FirstRetryDelay;
            var pending = request;
            while (true)
            {
                var batch = pending;
                var response = await QueryContext.Retrier.ExecuteAsync(ct => client.BatchGetItemAsync(batch, ct), cancellationToken).ConfigureAwait(false);
                if (response.Responses?.TryGetValue(RequestBuilder.TableName, out var items) == true)
                {
                    foreach (var item in items)
                    {
                        yield return item;
                    }
                }

                if (response.UnprocessedKeys is not { Count: > 0 } unprocessed)
                {
                    break;
                }

                DynamoDbRequestTelemetry.Retrying();
                await Task.Delay(delay + TimeSpan.FromMilliseconds(Random.Shared.Next((int)delay.TotalMilliseconds)), cancellationToken)
                    .ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                pending = new BatchGetItemRequest { RequestItems = unprocessed };
            }
        }
    }
}
