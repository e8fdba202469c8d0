using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Storage.Internal;

/// <inheritdoc />
public class DynamoDbClientWrapper(
    ISingletonDynamoDbClient singletonClient,
    IDiagnosticsLogger<DbLoggerCategory.Database.Command> commandLogger)
    : IDynamoDbClientWrapper
{
    /// <inheritdoc />
    public virtual IAmazonDynamoDB Client => singletonClient.Client;

    // DynamoDB reports a request's consumed capacity only when asked, and answering costs it work: asked only when
    // the request will be logged or listened to (an EF logger, a trace or the capacity metric), which is where it goes.
    private ReturnConsumedCapacity? ConsumedCapacityToReturn
        => commandLogger.IsRequestExecutedEnabled() || DynamoDbRequestTelemetry.WantsConsumedCapacity ? ReturnConsumedCapacity.TOTAL : null;

    /// <inheritdoc />
    public virtual Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = ConsumedCapacityToReturn;
        return SendAsync("GetItem", request.TableName, null, request, static (c, r, t) => c.GetItemAsync(r, t), static r => r.ConsumedCapacity?.CapacityUnits, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<BatchGetItemResponse> BatchGetItemAsync(BatchGetItemRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = ConsumedCapacityToReturn;
        return SendAsync(
            "BatchGetItem",
            request.RequestItems.Keys.FirstOrDefault() ?? "",
            null,
            request,
            static (c, r, t) => c.BatchGetItemAsync(r, t),
            static r => r.ConsumedCapacity?.Sum(c => c.CapacityUnits ?? 0),
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = ConsumedCapacityToReturn;
        return SendAsync("Query", request.TableName, request.IndexName, request, static (c, r, t) => c.QueryAsync(r, t), static r => r.ConsumedCapacity?.CapacityUnits, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = ConsumedCapacityToReturn;
        return SendAsync("Scan", request.TableName, request.IndexName, request, static (c, r, t) => c.ScanAsync(r, t), static r => r.ConsumedCapacity?.CapacityUnits, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<TransactGetItemsResponse> TransactGetItemsAsync(TransactGetItemsRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = ConsumedCapacityToReturn;
        return SendAsync(
            "TransactGetItems",
            request.TransactItems is { Count: > 0 } items ? items[0].Get.TableName : "",
            null,
            request,
            static (c, r, t) => c.TransactGetItemsAsync(r, t),
            static r => r.ConsumedCapacity?.Sum(c => c.CapacityUnits ?? 0),
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ExecuteStatementResponse> ExecuteStatementAsync(ExecuteStatementRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = ConsumedCapacityToReturn;
        return SendAsync(
            "ExecuteStatement",
            "",
            null,
            request,
            static (c, r, t) => c.ExecuteStatementAsync(r, t),
            static r => r.ConsumedCapacity?.CapacityUnits,
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = ConsumedCapacityToReturn;
        return SendAsync("PutItem", request.TableName, null, request, static (c, r, t) => c.PutItemAsync(r, t), static r => r.ConsumedCapacity?.CapacityUnits, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = ConsumedCapacityToReturn;
        return SendAsync("UpdateItem", request.TableName, null, request, static (c, r, t) => c.UpdateItemAsync(r, t), static r => r.ConsumedCapacity?.CapacityUnits, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = ConsumedCapacityToReturn;
        return SendAsync("DeleteItem", request.TableName, null, request, static (c, r, t) => c.DeleteItemAsync(r, t), static r => r.ConsumedCapacity?.CapacityUnits, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = ConsumedCapacityToReturn;
        return SendAsync(
            "TransactWriteItems",
            FirstTableName(request),
            null,
            request,
            static (c, r, t) => c.TransactWriteItemsAsync(r, t),
            static r => r.ConsumedCapacity?.Sum(c => c.CapacityUnits ?? 0),
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = ConsumedCapacityToReturn;
        return SendAsync(
            "BatchWriteItem",
            request.RequestItems.Keys.FirstOrDefault() ?? "",
            null,
            request,
            static (c, r, t) => c.BatchWriteItemAsync(r, t),
            static r => r.ConsumedCapacity?.Sum(c => c.CapacityUnits ?? 0),
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken)
        => SendAsync("CreateTable", request.TableName, null, request, static (c, r, t) => c.CreateTableAsync(r, t), static _ => null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<UpdateTableResponse> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken)
        => SendAsync("UpdateTable", request.TableName, null, request, static (c, r, t) => c.UpdateTableAsync(r, t), static _ => null, cancellationToken);

    /// <inheritdoc />
    public virtual async Task<TableDescription?> DescribeTableAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await SendAsync(
                    "DescribeTable",
                    tableName,
                    null,
                    new DescribeTableRequest { TableName = tableName },
                    static (c, r, t) => c.DescribeTableAsync(r, t),
                    static _ => null,
                    cancellationToken)
                .ConfigureAwait(false);
            return response.Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public virtual async Task<bool> DeleteTableAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(
                    "DeleteTable",
                    tableName,
                    null,
                    new DeleteTableRequest { TableName = tableName },
                    static (c, r, t) => c.DeleteTableAsync(r, t),
                    static _ => null,
                    cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public virtual async Task<string?> DescribeTimeToLiveAsync(string tableName, CancellationToken cancellationToken)
    {
        var response = await SendAsync(
                "DescribeTimeToLive",
                tableName,
                null,
                new DescribeTimeToLiveRequest { TableName = tableName },
                static (c, r, t) => c.DescribeTimeToLiveAsync(r, t),
                static _ => null,
                cancellationToken)
            .ConfigureAwait(false);
        var description = response.TimeToLiveDescription;
        return description?.TimeToLiveStatus == TimeToLiveStatus.ENABLED || description?.TimeToLiveStatus == TimeToLiveStatus.ENABLING
            ? description.AttributeName
            : null;
    }

    /// <inheritdoc />
    public virtual Task UpdateTimeToLiveAsync(string tableName, string attributeName, CancellationToken cancellationToken)
        => SendAsync(
            "UpdateTimeToLive",
            tableName,
            null,
            new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = attributeName, Enabled = true },
            },
            static (c, r, t) => c.UpdateTimeToLiveAsync(r, t),
            static _ => null,
            cancellationToken);

    /// <inheritdoc />
    public virtual Task ListTablesAsync(CancellationToken cancellationToken)
        => SendAsync("ListTables", "", null, new ListTablesRequest { Limit = 1 }, static (c, r, t) => c.ListTablesAsync(r, t), static _ => null, cancellationToken);

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation,
        string tableName,
        string? indexName,
        TRequest request,
        Func<IAmazonDynamoDB, TRequest, CancellationToken, Task<TResponse>> send,
        Func<TResponse, double?> consumedCapacity,
        CancellationToken cancellationToken)
        where TRequest : AmazonWebServiceRequest
        where TResponse : AmazonWebServiceResponse
    {
        // A token cancelled before the call sends nothing, whatever the SDK and its HTTP handler would do with it.
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = DynamoDbRequestTelemetry.StartRequest(operation, tableName, indexName, request);
        var started = Stopwatch.GetTimestamp();
        TResponse response;
        try
        {
            response = await send(Client, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var failure = DynamoDbEndpointFailure.Describe(operation, exception, Client, cancellationToken) ?? exception;
            DynamoDbRequestTelemetry.RequestFailed(activity, operation, tableName, Stopwatch.GetElapsedTime(started), failure);
            if (failure == exception)
            {
                throw;
            }

            throw failure;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var capacity = consumedCapacity(response);
        commandLogger.RequestExecuted(operation, tableName, indexName, elapsed, capacity, request);
        DynamoDbRequestTelemetry.RequestSucceeded(activity, operation, tableName, elapsed, capacity, response);
        return response;
    }

    private static string FirstTableName(TransactWriteItemsRequest request)
    {
        var first = request.TransactItems is { Count: > 0 } items ? items[0] : null;
        return first?.Put?.TableName ?? first?.Update?.TableName ?? first?.Delete?.TableName ?? first?.ConditionCheck?.TableName ?? "";
    }
}
