using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal.TransactionalRead;

/// <summary>
/// The result of a query for whole keys read with <c>WithTransactionalRead()</c>: one TransactGetItems of at most 100
/// keys, read as one serializable snapshot and sent again through the execution strategy after a transient failure
/// (a conflicting transaction among them). A read DynamoDB cancels for good is an <see cref="InvalidOperationException" />
/// that names the entity type and DynamoDB's reasons.
/// </summary>
public sealed class TransactGetQueryingEnumerable<T>(DynamoDbQueryContext queryContext, CompiledDynamoDbQuery<T> compiledQuery)
    : DynamoDbQueryingEnumerable<T>(queryContext, compiledQuery)
{
    /// <inheritdoc />
    protected override IEnumerable<AmazonWebServiceRequest> CreateFirstRequests(RowWindow window)
        => RequestBuilder.CreateTransactGetItemsRequest(QueryContext) is { } request ? [request] : [];

    /// <inheritdoc />
    protected override async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        RowWindow window,
        Dictionary<string, AttributeValue>? startKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (window.ItemsNeeded == 0 || RequestBuilder.CreateTransactGetItemsRequest(QueryContext) is not { } request)
        {
            yield break;
        }

        var client = QueryContext.Client;
        TransactGetItemsResponse response;
        try
        {
            response = await QueryContext.Retrier.ExecuteAsync(ct => client.TransactGetItemsAsync(request, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Canceled(exception) is { } canceled)
        {
            throw new InvalidOperationException(
                DynamoDbStrings.TransactionalReadCanceled(RequestBuilder.Query.EntityType.DisplayName(), Reasons(canceled)),
                exception);
        }

        // DynamoDB answers each Get in the request's order; a key without an item has an empty response.
        foreach (var item in response.Responses ?? [])
        {
            if (item.Item is { Count: > 0 } found)
            {
                yield return found;
            }
        }
    }

    // The cancellation itself, or the last one when the execution strategy gave up retrying it.
    private static TransactionCanceledException? Canceled(Exception exception)
        => exception as TransactionCanceledException ?? (exception as RetryLimitExceededException)?.InnerException as TransactionCanceledException;

    private static string Reasons(TransactionCanceledException exception)
        => exception.CancellationReasons is { Count: > 0 } reasons
            ? string.Join(", ", reasons.Select(r => r.Code).Where(c => c is not null and not "None").Distinct())
            : exception.Message;
}
