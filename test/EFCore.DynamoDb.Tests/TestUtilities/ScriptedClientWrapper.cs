using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>
/// The provider's client wrapper with the requests of reads, saves, ExecuteUpdate/ExecuteDelete and EnsureCreated
/// answered by a script instead of DynamoDB: each attempt is recorded, the next scripted failures of its operation are thrown, and otherwise it
/// succeeds (nothing is sent). Lets a test check retries and cancellation without a server.
/// </summary>
public sealed class ScriptedClientWrapper(
    ISingletonDynamoDbClient singletonClient,
    IDiagnosticsLogger<DbLoggerCategory.Database.Command> commandLogger)
    : DynamoDbClientWrapper(singletonClient, commandLogger)
{
    private readonly Lock _lock = new();
    // Per operation, what its next attempts do: null succeeds, a function creates the exception thrown.
    private readonly Dictionary<string, Queue<Func<Exception>?>> _failures = [];
    private readonly List<(string Operation, AmazonWebServiceRequest Request)> _attempts = [];
    private readonly Dictionary<string, CreateTableRequest> _createdTables = [];
    private int _inFlight;

    /// <summary>Every attempt, failed or not, in order: the operation ("PutItem", "Query"…) and its request.</summary>
    public IReadOnlyList<(string Operation, AmazonWebServiceRequest Request)> Attempts
    {
        get
        {
            lock (_lock)
            {
                return _attempts.ToList();
            }
        }
    }

    /// <summary>The requests of every attempt, in order.</summary>
    public IReadOnlyList<AmazonWebServiceRequest> Requests => Attempts.Select(a => a.Request).ToList();

    /// <summary>Awaited by each attempt before it answers (nothing by default): a slow server, or a barrier.</summary>
    public Func<AmazonWebServiceRequest, Task> OnAttempt { get; set; } = _ => Task.CompletedTask;

    /// <summary>The most attempts that were in flight at the same time.</summary>
    public int MaxInFlight { get; private set; }

    /// <summary>Answers each successful Query attempt (by default: no items, no more pages).</summary>
    public Func<QueryRequest, QueryResponse> RespondToQuery { get; set; } = _ => new QueryResponse { Items = [], Count = 0 };

    /// <summary>Answers each successful Scan attempt (by default: no items, no more pages).</summary>
    public Func<ScanRequest, ScanResponse> RespondToScan { get; set; } = _ => new ScanResponse { Items = [], Count = 0 };

    /// <summary>Answers each successful GetItem attempt (by default: no item).</summary>
    public Func<GetItemRequest, GetItemResponse> RespondToGetItem { get; set; } = _ => new GetItemResponse();

    /// <summary>Answers each successful BatchGetItem attempt (by default: none of the keys' items, none unprocessed).</summary>
    public Func<BatchGetItemRequest, BatchGetItemResponse> RespondToBatchGetItem { get; set; }
        = r => new BatchGetItemResponse { Responses = r.RequestItems.ToDictionary(t => t.Key, _ => new List<Dictionary<string, AttributeValue>>()) };

    /// <summary>
    /// The status DescribeTable reports for a table not created through this wrapper; null when it does not exist. A
    /// table created through it exists from then on, ACTIVE, with the key schema it was created with.
    /// </summary>
    public TableStatus? TableStatus { get; set; }

    /// <summary>The wrapper of a context created with <see cref="Use" />.</summary>
    public static ScriptedClientWrapper Of(DbContext context) => (ScriptedClientWrapper)context.GetService<IDynamoDbClientWrapper>();

    /// <summary>Makes a context answer its requests from the script.</summary>
    public static void Use(DbContextOptionsBuilder options) => options.ReplaceService<IDynamoDbClientWrapper, ScriptedClientWrapper>();

    /// <summary>
    /// Lets the next <paramref name="skip" /> attempts of <paramref name="operation" /> succeed, then makes the next
    /// <paramref name="times" /> throw what <paramref name="failure" /> creates.
    /// </summary>
    public void Fail(string operation, int times, Func<Exception> failure, int skip = 0)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(operation, out var queue))
            {
                _failures[operation] = queue = new Queue<Func<Exception>?>();
            }

            for (var i = 0; i < skip + times; i++)
            {
                queue.Enqueue(i < skip ? null : failure);
            }
        }
    }

    /// <summary>The attempts of one operation.</summary>
    public int AttemptsOf(string operation) => Attempts.Count(a => a.Operation == operation);

    /// <inheritdoc />
    public override Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken)
        => Answer("GetItem", request, RespondToGetItem);

    /// <inheritdoc />
    public override Task<BatchGetItemResponse> BatchGetItemAsync(BatchGetItemRequest request, CancellationToken cancellationToken)
        => Answer("BatchGetItem", request, RespondToBatchGetItem);

    /// <inheritdoc />
    public override Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken)
        => Answer("Query", request, RespondToQuery);

    /// <inheritdoc />
    public override Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken)
        => Answer("Scan", request, RespondToScan);

    /// <inheritdoc />
    public override Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken)
        => Answer("PutItem", request, _ => new PutItemResponse());

    /// <inheritdoc />
    public override Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken)
        => Answer("UpdateItem", request, _ => new UpdateItemResponse());

    /// <inheritdoc />
    public override Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken)
        => Answer("DeleteItem", request, _ => new DeleteItemResponse());

    /// <inheritdoc />
    public override Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken)
        => Answer("TransactWriteItems", request, _ => new TransactWriteItemsResponse());

    /// <inheritdoc />
    public override Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken)
        => Answer(
            "CreateTable",
            request,
            r =>
            {
                lock (_lock)
                {
                    _createdTables[r.TableName] = r;
                }

                return new CreateTableResponse();
            });

    /// <inheritdoc />
    public override Task<TableDescription?> DescribeTableAsync(string tableName, CancellationToken cancellationToken)
        => Answer(
            "DescribeTable",
            new DescribeTableRequest { TableName = tableName },
            _ =>
            {
                lock (_lock)
                {
                    return _createdTables.TryGetValue(tableName, out var created)
                        ? new TableDescription
                        {
                            TableName = tableName,
                            TableStatus = Amazon.DynamoDBv2.TableStatus.ACTIVE,
                            KeySchema = created.KeySchema,
                            AttributeDefinitions = created.AttributeDefinitions,
                            GlobalSecondaryIndexes = created.GlobalSecondaryIndexes?.Select(i => new GlobalSecondaryIndexDescription { IndexName = i.IndexName }).ToList(),
                            LocalSecondaryIndexes = created.LocalSecondaryIndexes?.Select(i => new LocalSecondaryIndexDescription { IndexName = i.IndexName }).ToList(),
                        }
                        : TableStatus is { } status ? new TableDescription { TableName = tableName, TableStatus = status } : null;
                }
            });

    private async Task<TResponse> Answer<TRequest, TResponse>(string operation, TRequest request, Func<TRequest, TResponse> respond)
        where TRequest : AmazonWebServiceRequest
    {
        Func<Exception>? failure = null;
        lock (_lock)
        {
            _attempts.Add((operation, request));
            MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
            if (_failures.TryGetValue(operation, out var queue) && queue.Count > 0)
            {
                failure = queue.Dequeue();
            }
        }

        try
        {
            await OnAttempt(request);
            return failure is null ? respond(request) : throw failure();
        }
        finally
        {
            lock (_lock)
            {
                _inFlight--;
            }
        }
    }
}
