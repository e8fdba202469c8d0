using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// The provider against its two baselines over canned HTTP responses, per operation (a category): the raw SDK with
/// hand-written mapping (the ratio's baseline) and the SDK's own object mapper, DynamoDBContext (table definitions
/// registered, no DescribeTable, V2 conversion). Each provider invocation uses a fresh context from a pool, as a web
/// request does. The payload (its entity, context and hand-written mapping) comes from the derived class.
/// </summary>
public abstract class CannedBenchmarks<TItem, TContext>
    where TItem : class
    where TContext : DbContext
{
    /// <summary>The items written by the 1,000-item operations.</summary>
    public const int BulkItemCount = 1000;

    private static readonly int MaxConcurrentWrites = DynamoDbOptionsExtension.DefaultMaxConcurrentWrites;

    private AmazonDynamoDBClient _client = null!;
    private PooledDbContextFactory<TContext> _contexts = null!;
    private DynamoDBContext _mapper = null!;
    private List<TItem> _bulkItems = [];

    /// <summary>The client of the canned responses.</summary>
    protected IAmazonDynamoDB Client => _client;

    /// <summary>The payload's table.</summary>
    protected abstract string TableName { get; }

    /// <summary>The payload with sort key number <paramref name="i" />.</summary>
    protected abstract TItem NewItem(int i);

    /// <summary>The hand-written mapping to an item.</summary>
    protected abstract Dictionary<string, AttributeValue> ToItem(TItem value);

    /// <summary>The hand-written mapping from an item.</summary>
    protected abstract TItem FromItem(Dictionary<string, AttributeValue> item);

    /// <summary>The provider's query of one partition: <c>Where(pk).AsNoTracking().ToListAsync()</c>.</summary>
    protected abstract Task<List<TItem>> QueryPartitionAsync(TContext context, string partitionKey);

    [GlobalSetup]
    public void Setup()
    {
        _client = CannedHttpHandler.CreateClient(new CannedResponses(i => ToItem(NewItem(i))));
        _contexts = new PooledDbContextFactory<TContext>(new DbContextOptionsBuilder<TContext>().UseDynamoDb(_client).Options);
        _mapper = new DynamoDBContextBuilder()
            .WithDynamoDBClient(() => _client)
            .ConfigureContext(c =>
            {
                c.DisableFetchingTableMetadata = true;
                c.Conversion = DynamoDBEntryConversion.V2;
            })
            .Build();
        _mapper.RegisterTableDefinition(new TableBuilder(_client, TableName)
            .AddHashKey("Pk", DynamoDBEntryType.String)
            .AddRangeKey("Sk", DynamoDBEntryType.String)
            .Build());
        _bulkItems = Enumerable.Range(0, BulkItemCount).Select(NewItem).ToList();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _mapper.Dispose();
        _client.Dispose();
    }

    [Benchmark(Baseline = true, Description = "SDK")]
    [BenchmarkCategory("Find")]
    public async Task<TItem> SdkGetItem()
    {
        var response = await _client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = new Dictionary<string, AttributeValue>(2)
            {
                ["Pk"] = new() { S = Payloads.PartitionKey },
                ["Sk"] = new() { S = "order#000000" },
            },
        });
        return FromItem(response.Item);
    }

    [Benchmark(Description = "DynamoDBContext")]
    [BenchmarkCategory("Find")]
    public Task<TItem> MapperLoad() => _mapper.LoadAsync<TItem>(Payloads.PartitionKey, "order#000000");

    [Benchmark(Description = "Provider")]
    [BenchmarkCategory("Find")]
    public async Task<TItem> ProviderFind()
    {
        await using var context = _contexts.CreateDbContext();
        return (await context.Set<TItem>().FindAsync(Payloads.PartitionKey, "order#000000"))!;
    }

    [Benchmark(Baseline = true, Description = "SDK")]
    [BenchmarkCategory("Query100")]
    public async Task<List<TItem>> SdkQuery()
    {
        var response = await _client.QueryAsync(new QueryRequest
        {
            TableName = TableName,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new Dictionary<string, string>(1) { ["#pk"] = "Pk" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(1) { [":pk"] = new() { S = Payloads.PartitionKey } },
        });
        var items = new List<TItem>(response.Items.Count);
        foreach (var item in response.Items)
        {
            items.Add(FromItem(item));
        }

        return items;
    }

    [Benchmark(Description = "DynamoDBContext")]
    [BenchmarkCategory("Query100")]
    public Task<List<TItem>> MapperQuery() => _mapper.QueryAsync<TItem>(Payloads.PartitionKey, new QueryConfig()).GetRemainingAsync();

    [Benchmark(Description = "Provider")]
    [BenchmarkCategory("Query100")]
    public async Task<List<TItem>> ProviderQuery()
    {
        await using var context = _contexts.CreateDbContext();
        return await QueryPartitionAsync(context, Payloads.PartitionKey);
    }

    [Benchmark(Baseline = true, Description = "SDK")]
    [BenchmarkCategory("Save1")]
    public Task<PutItemResponse> SdkPutItem()
        => _client.PutItemAsync(new PutItemRequest
        {
            TableName = TableName,
            Item = ToItem(NewItem(1)),
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new Dictionary<string, string>(1) { ["#pk"] = "Pk" },
        });

    [Benchmark(Description = "DynamoDBContext")]
    [BenchmarkCategory("Save1")]
    public Task MapperSave() => _mapper.SaveAsync(NewItem(1));

    [Benchmark(Description = "Provider")]
    [BenchmarkCategory("Save1")]
    public async Task<int> ProviderSave()
    {
        await using var context = _contexts.CreateDbContext();
        context.Add(NewItem(1));
        return await context.SaveChangesAsync();
    }

    [Benchmark(Baseline = true, Description = "SDK")]
    [BenchmarkCategory("BatchPut1000")]
    public Task SdkBatchWrite()
        => Parallel.ForEachAsync(
            _bulkItems.Chunk(25),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentWrites },
            async (values, cancellationToken) =>
            {
                var writes = new List<WriteRequest>(values.Length);
                foreach (var value in values)
                {
                    writes.Add(new WriteRequest { PutRequest = new PutRequest { Item = ToItem(value) } });
                }

                var pending = new Dictionary<string, List<WriteRequest>>(1) { [TableName] = writes };
                while (pending is { Count: > 0 })
                {
                    pending = (await _client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken)).UnprocessedItems;
                }
            });

    [Benchmark(Description = "DynamoDBContext")]
    [BenchmarkCategory("BatchPut1000")]
    public Task MapperBatchWrite()
    {
        var batch = _mapper.CreateBatchWrite<TItem>();
        batch.AddPutItems(_bulkItems);
        return batch.ExecuteAsync();
    }

    [Benchmark(Description = "Provider")]
    [BenchmarkCategory("BatchPut1000")]
    public async Task ProviderBatchPut()
    {
        await using var context = _contexts.CreateDbContext();
        await context.Set<TItem>().BatchPutAsync(_bulkItems);
    }

    [Benchmark(Baseline = true, Description = "SDK")]
    [BenchmarkCategory("Never1000")]
    public Task SdkConcurrentConditionalPuts()
        => Parallel.ForEachAsync(
            _bulkItems,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentWrites },
            async (value, cancellationToken) => await _client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = TableName,
                    Item = ToItem(value),
                    ConditionExpression = "attribute_not_exists(#pk)",
                    ExpressionAttributeNames = new Dictionary<string, string>(1) { ["#pk"] = "Pk" },
                },
                cancellationToken));

    [Benchmark(Description = "Provider")]
    [BenchmarkCategory("Never1000")]
    public async Task<int> ProviderNeverSave()
    {
        await using var context = _contexts.CreateDbContext();
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.AddRange(_bulkItems);
        return await context.SaveChangesAsync();
    }
}
