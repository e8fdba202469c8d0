using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Local;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
/// Writing 1,000 items against DynamoDB Local, where wall time is what counts, each side with the same bound on
/// requests in flight: <c>BatchPutAsync</c> against the raw SDK's best hand-written concurrent BatchWriteItem loop
/// (25 writes a request, UnprocessedItems sent again), and the provider's independent save
/// (<c>AutoTransactionBehavior.Never</c>) against concurrent conditional PutItem calls. Every invocation writes new
/// keys, as a conditional create must.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(launchCount: 1, warmupCount: 10, iterationCount: 25, invocationCount: 1)]
public class BulkWriteBenchmarks
{
    private const int ItemCount = 1000;
    private const string TableName = "Orders";
    private static readonly int MaxConcurrentWrites = DynamoDbOptionsExtension.DefaultMaxConcurrentWrites;

    private DynamoDbLocalServer _server = null!;
    private AmazonDynamoDBClient _client = null!;
    private DbContextOptions<BenchmarkContext> _options = null!;
    private List<Order> _orders = [];

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await DynamoDbLocalServer.StartAsync();
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("benchmark", "benchmark"),
            new AmazonDynamoDBConfig { ServiceURL = _server.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
        _options = new DbContextOptionsBuilder<BenchmarkContext>().UseDynamoDb(_client).Options;
        await using var context = new BenchmarkContext(_options);
        await context.Database.EnsureCreatedAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    // New keys for every invocation, built outside the measured time for both sides.
    [IterationSetup]
    public void CreateOrders()
    {
        var customerId = "c-" + Guid.NewGuid().ToString("N");
        _orders = Enumerable.Range(0, ItemCount)
            .Select(i => new Order
            {
                CustomerId = customerId,
                OrderId = i.ToString("D5", CultureInfo.InvariantCulture),
                Total = 10.5m + i,
                Status = OrderStatus.Placed,
                PlacedAt = DateTimeOffset.UnixEpoch.AddDays(i),
                Note = "bulk",
            })
            .ToList();
    }

    [Benchmark(Baseline = true, Description = "SDK concurrent BatchWriteItem x40")]
    [BenchmarkCategory("BatchPut")]
    public Task SdkConcurrentBatchWriteItem()
        => Parallel.ForEachAsync(
            _orders.Chunk(25),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentWrites },
            async (orders, cancellationToken) =>
            {
                var writes = orders.Select(o => new WriteRequest { PutRequest = new PutRequest { Item = OrderItemMapping.ToItem(o) } }).ToList();
                var pending = new Dictionary<string, List<WriteRequest>> { [TableName] = writes };
                while (pending is { Count: > 0 })
                {
                    var response = await _client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken);
                    pending = response.UnprocessedItems;
                }
            });

    [Benchmark(Description = "EF BatchPutAsync x1000")]
    [BenchmarkCategory("BatchPut")]
    public async Task ProviderBatchPut()
    {
        await using var context = new BenchmarkContext(_options);
        await context.Orders.BatchPutAsync(_orders);
    }

    [Benchmark(Baseline = true, Description = "SDK concurrent conditional PutItem x1000")]
    [BenchmarkCategory("Never")]
    public Task SdkConcurrentConditionalPutItem()
        => Parallel.ForEachAsync(
            _orders,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentWrites },
            async (order, cancellationToken) => await _client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = TableName,
                    Item = OrderItemMapping.ToItem(order),
                    ConditionExpression = "attribute_not_exists(#pk)",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = "CustomerId" },
                },
                cancellationToken));

    [Benchmark(Description = "EF AddRange + SaveChangesAsync (Never) x1000")]
    [BenchmarkCategory("Never")]
    public async Task<int> ProviderIndependentSave()
    {
        await using var context = new BenchmarkContext(_options);
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Orders.AddRange(_orders);
        return await context.SaveChangesAsync();
    }
}
