using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The result of a query for a set of whole keys: BatchGetItem requests of at most 100 keys, with the keys
/// DynamoDB leaves unprocessed (throttling, the 16 MB response limit) asked for again after a growing, jittered
/// delay (<see cref="Storage.Internal.DynamoDbRequestRetrier.UnprocessedRetryDelay" />) until every key was answered,
/// at most <see cref="MaxAttempts" /> times (then the query fails, saying how many keys were not read). A request
/// that fails transiently is sent again through the execution strategy; the keys already answered are not asked for
/// again.
/// </summary>
public sealed class BatchGetQueryingEnumerable<T>(DynamoDbQueryContext queryContext, CompiledDynamoDbQuery<T> compiledQuery)
    : DynamoDbQueryingEnumerable<T>(queryContext, compiledQuery)
{
    /// <summary>How many times one request's keys are asked for, unprocessed ones again, before the query fails.</summary>
    public const int MaxAttempts = 10;

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
            var pending = request;
            for (var attempt = 1;; attempt++)
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

                if (attempt == MaxAttempts)
                {
                    throw new InvalidOperationException(DynamoDbStrings.BatchGetUnprocessed(
                        RequestBuilder.Query.EntityType.DisplayName(),
                        RequestBuilder.TableName,
                        unprocessed.Values.Sum(keys => keys.Keys.Count),
                        MaxAttempts));
                }

                DynamoDbRequestTelemetry.Retrying();
                await Task.Delay(QueryContext.Retrier.UnprocessedRetryDelay(attempt), cancellationToken).ConfigureAwait(false);
                pending = new BatchGetItemRequest { RequestItems = unprocessed };
            }
        }
    }
}
