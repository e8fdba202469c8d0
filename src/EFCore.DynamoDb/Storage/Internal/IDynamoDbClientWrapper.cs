using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// The only place the provider calls <see cref="IAmazonDynamoDB" />: every request is timed and logged as
/// <c>DynamoDbEventId.RequestExecuted</c> with its consumed capacity.
/// </summary>
public interface IDynamoDbClientWrapper
{
    /// <summary>The client in use.</summary>
    IAmazonDynamoDB Client { get; }

    /// <summary>Sends GetItem.</summary>
    Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken);

    /// <summary>Sends BatchGetItem.</summary>
    Task<BatchGetItemResponse> BatchGetItemAsync(BatchGetItemRequest request, CancellationToken cancellationToken);

    /// <summary>Sends one Query page.</summary>
    Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken);

    /// <summary>Sends one Scan page.</summary>
    Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken);

    /// <summary>Sends TransactGetItems: up to 100 items read as one serializable snapshot.</summary>
    Task<TransactGetItemsResponse> TransactGetItemsAsync(TransactGetItemsRequest request, CancellationToken cancellationToken);

    /// <summary>Sends one page of a PartiQL ExecuteStatement.</summary>
    Task<ExecuteStatementResponse> ExecuteStatementAsync(ExecuteStatementRequest request, CancellationToken cancellationToken);

    /// <summary>Sends PutItem.</summary>
    Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken);

    /// <summary>Sends UpdateItem.</summary>
    Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken);

    /// <summary>Sends DeleteItem.</summary>
    Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken);

    /// <summary>Sends BatchWriteItem; the writes DynamoDB did not make come back as UnprocessedItems.</summary>
    Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken);

    /// <summary>Sends TransactWriteItems.</summary>
    Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken);

    /// <summary>Sends CreateTable.</summary>
    Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken);

    /// <summary>Sends UpdateTable.</summary>
    Task<UpdateTableResponse> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken);

    /// <summary>Describes a table, or returns null when it does not exist.</summary>
    Task<TableDescription?> DescribeTableAsync(string tableName, CancellationToken cancellationToken);

    /// <summary>Deletes a table; false when it did not exist.</summary>
    Task<bool> DeleteTableAsync(string tableName, CancellationToken cancellationToken);

    /// <summary>The table's time-to-live attribute when time to live is enabled or being enabled, else null.</summary>
    Task<string?> DescribeTimeToLiveAsync(string tableName, CancellationToken cancellationToken);

    /// <summary>Enables time to live on the attribute.</summary>
    Task UpdateTimeToLiveAsync(string tableName, string attributeName, CancellationToken cancellationToken);

    /// <summary>Lists at most one table, to check that the endpoint answers and accepts the credentials.</summary>
    Task ListTablesAsync(CancellationToken cancellationToken);
}
