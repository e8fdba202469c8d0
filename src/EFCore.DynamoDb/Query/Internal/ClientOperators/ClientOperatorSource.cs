namespace EFCore.DynamoDb.Query.Internal.ClientOperators;

/// <summary>A DynamoDB read whose shaped results the client operators of a query take as one of their inputs.</summary>
public sealed class ClientOperatorSource<T>(DynamoDbQueryingEnumerable<T> read) : IClientOperatorSource
{
    /// <inheritdoc />
    public async Task<object> ReadAllAsync(CancellationToken cancellationToken)
    {
        var results = new List<T>();
        await foreach (var result in read.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            results.Add(result);
        }

        return results;
    }

    /// <inheritdoc />
    public object Empty => new List<T>();

    /// <inheritdoc />
    public string ToQueryString() => read.ToQueryString();

    /// <inheritdoc />
    public void LogSyncNotSupported() => read.LogSyncNotSupported();
}
