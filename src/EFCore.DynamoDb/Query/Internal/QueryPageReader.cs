using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Reads a whole Query result into memory: the request, then its next pages through LastEvaluatedKey, each sent
/// through the execution strategy (a page that fails transiently is read again from the same start key), for the
/// reads that need every item of a partition before they return any (a Query per key, an item collection).
/// </summary>
public static class QueryPageReader
{
    /// <summary>
    /// Every item the Query returns, or, when <paramref name="enough" /> is given, at least that many when the
    /// partition holds them (the page that reaches it is the last one read).
    /// </summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> ReadAllAsync(
        DynamoDbQueryContext queryContext,
        QueryRequest request,
        int? enough,
        CancellationToken cancellationToken)
    {
        var client = queryContext.Client;
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? lastKey = null;
        do
        {
            request.ExclusiveStartKey = lastKey;
            var response = await queryContext.Retrier.ExecuteAsync(t => client.QueryAsync(request, t), cancellationToken).ConfigureAwait(false);
            items.AddRange(response.Items ?? []);
            lastKey = response.LastEvaluatedKey;
        }
        while (lastKey is { Count: > 0 } && (enough is not { } needed || items.Count < needed));

        return items;
    }
}
