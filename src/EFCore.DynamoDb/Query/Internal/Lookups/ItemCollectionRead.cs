using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal.Lookups;

/// <summary>
/// The one Query of an item collection, for one execution: every item of the partition the principal's read names
/// (the principal and its dependents, stored under one partition key value), read once, page by page, and shared by
/// the reads that take their own items from it (<see cref="ItemCollectionQueryingEnumerable{T}" />).
/// </summary>
public sealed class ItemCollectionRead(DynamoDbQueryContext queryContext, DynamoDbReadRequestBuilder partitionQuery)
{
    private Task<List<Dictionary<string, AttributeValue>>>? _items;

    /// <summary>The Query of the partition, or null when its key value is null (no item can match).</summary>
    public QueryRequest? CreateRequest() => partitionQuery.CreateQueryRequest(queryContext, new RowWindow(0, null));

    /// <summary>Every item of the partition: sent on the first call, the same items on later ones.</summary>
    public Task<List<Dictionary<string, AttributeValue>>> ReadAsync(CancellationToken cancellationToken)
        => _items ??= ReadPartitionAsync(cancellationToken);

    private async Task<List<Dictionary<string, AttributeValue>>> ReadPartitionAsync(CancellationToken cancellationToken)
        => CreateRequest() is { } request
            ? await QueryPageReader.ReadAllAsync(queryContext, request, enough: null, cancellationToken).ConfigureAwait(false)
            : [];
}
