using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.TransactionalRead;

/// <summary>
/// <c>Database.TransactionalReadAsync</c>: several key-set queries of one context, of any entity types, read in one
/// TransactGetItems (one serializable snapshot of up to 100 items). Each query is compiled and executed as its own
/// <c>WithTransactionalRead()</c> query would be, but its Gets are gathered before anything is sent; then one request
/// goes out, and each query shapes (and tracks) its share of the answer, in order.
/// </summary>
public sealed class TransactionalReadBatch(IDynamoDbClientWrapper client, DynamoDbRequestRetrier retrier)
{
    private readonly List<(string EntityType, TransactGetItemsRequest? Request, Action<IReadOnlyList<ItemResponse>> UseResponses)> _parts = [];

    /// <summary>Adds a query; its results are read once <see cref="SendAsync" /> ran.</summary>
    public IAsyncEnumerable<T> Add<T>(IQueryable<T> query, CancellationToken cancellationToken)
        where T : class
    {
        var transactional = query.WithTransactionalRead();
        var enumerable = ((IAsyncQueryProvider)transactional.Provider).ExecuteAsync<IAsyncEnumerable<T>>(transactional.Expression, cancellationToken)
            as TransactGetQueryingEnumerable<T>
            ?? throw new InvalidOperationException(DynamoDbStrings.TransactionalReadBatchNeedsEntityQueries(typeof(T).Name));
        _parts.Add((enumerable.EntityTypeName, enumerable.CreateRequest(), enumerable.UseResponses));
        return enumerable;
    }

    /// <summary>Sends one TransactGetItems with every query's Gets and hands each query its answers.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        var gets = _parts.SelectMany(p => p.Request?.TransactItems ?? []).ToList();
        var entityTypes = string.Join(", ", _parts.Select(p => p.EntityType).Distinct());
        if (gets.Count > DynamoDbReadRequestBuilder.MaxTransactGetKeys)
        {
            throw new InvalidOperationException(DynamoDbStrings.TransactionalReadTooManyKeys(entityTypes, gets.Count));
        }

        List<ItemResponse> responses = [];
        if (gets.Count > 0)
        {
            var request = new TransactGetItemsRequest { TransactItems = gets };
            try
            {
                responses = (await retrier.ExecuteAsync(ct => client.TransactGetItemsAsync(request, ct), cancellationToken).ConfigureAwait(false)).Responses ?? [];
            }
            catch (Exception exception) when (TransactionalReadFailure.Map(exception, entityTypes) is { } mapped)
            {
                throw mapped;
            }
        }

        var next = 0;
        foreach (var (_, partRequest, useResponses) in _parts)
        {
            var count = partRequest?.TransactItems.Count ?? 0;
            useResponses(responses.Skip(next).Take(count).ToList());
            next += count;
        }
    }
}
