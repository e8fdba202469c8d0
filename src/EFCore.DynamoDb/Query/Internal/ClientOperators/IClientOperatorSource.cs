namespace EFCore.DynamoDb.Query.Internal.ClientOperators;

/// <summary>One DynamoDB read of a query whose last operators run on the client.</summary>
public interface IClientOperatorSource
{
    /// <summary>Reads every shaped result of the read, as a <c>List&lt;T&gt;</c>.</summary>
    Task<object> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>No results (an empty <c>List&lt;T&gt;</c>), for a lookup with no keys to read.</summary>
    object Empty { get; }

    /// <summary>The read's requests, for ToQueryString.</summary>
    string ToQueryString();

    /// <summary>Logs (by default: throws) that the query is being run synchronously.</summary>
    void LogSyncNotSupported();
}
