using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
/// The provider against the raw AWS SDK doing the same work with hand-written mapping, over canned HTTP
/// responses. Contexts come from a pool, as in a web application, so the figures show the provider's own cost.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ProviderVersusSdkBenchmarks
{
    // EF's compiled query skips the per-call parameter extraction and query-cache lookup every ad-hoc LINQ query
    // pays (in any provider), which isolates the provider's own cost.
    private static readonly Func<BenchmarkContext, string, string, Task<Order?>> CompiledNoTrackingQuery
        = EF.CompileAsyncQuery((BenchmarkContext db, string customerId, string orderId)
            => db.Orders.AsNoTracking().FirstOrDefault(o => o.CustomerId == customerId && o.OrderId == orderId));

    private AmazonDynamoDBClient _client = null!;
    private PooledDbContextFactory<BenchmarkContext> _contextFactory = null!;
    private string _customerId = "c1";
    private string _orderId = "2024-001";

    [GlobalSetup]
    public void Setup()
    {
        _client = CannedHttpClientFactory.CreateDynamoDbClient();
        _contextFactory = new PooledDbContextFactory<BenchmarkContext>(
            new DbContextOptionsBuilder<BenchmarkContext>().UseDynamoDb(_client).Options);
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    [Benchmark(Baseline = true, Description = "SDK GetItem + mapping")]
    [BenchmarkCategory("Read")]
    public async Task<Order> SdkGetItem()
    {
        var response = await _client.GetItemAsync(new GetItemRequest
        {
            TableName = "Orders",
            Key = new Dictionary<string, AttributeValue>
            {
                ["CustomerId"] = new() { S = _customerId },
                ["OrderId"] = new() { S = _orderId },
            },
        });
        return OrderItemMapping.FromItem(response.Item);
    }

    [Benchmark(Description = "EF FindAsync")]
    [BenchmarkCategory("Read")]
    public async Task<Order> ProviderFindAsync()
    {
        await using var db = _contextFactory.CreateDbContext();
        return (await db.Orders.FindAsync(_customerId, _orderId))!;
    }

    [Benchmark(Description = "EF AsNoTracking FirstOrDefaultAsync")]
    [BenchmarkCategory("Read")]
    public async Task<Order> ProviderNoTrackingFirstOrDefaultAsync()
    {
        await using var db = _contextFactory.CreateDbContext();
        return (await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.CustomerId == _customerId && o.OrderId == _orderId))!;
    }

    [Benchmark(Description = "EF compiled query, AsNoTracking")]
    [BenchmarkCategory("Read")]
    public async Task<Order> ProviderCompiledNoTrackingQuery()
    {
        await using var db = _contextFactory.CreateDbContext();
        return (await CompiledNoTrackingQuery(db, _customerId, _orderId))!;
    }

    [Benchmark(Baseline = true, Description = "SDK PutItem (create) + mapping")]
    [BenchmarkCategory("Write")]
    public Task<PutItemResponse> SdkPutItem()
    {
        var order = NewOrder();
        var item = OrderItemMapping.ToItem(order);

        return _client.PutItemAsync(new PutItemRequest
        {
            TableName = "Orders",
            Item = item,
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = "CustomerId" },
        });
    }

    [Benchmark(Description = "EF Add + SaveChangesAsync")]
    [BenchmarkCategory("Write")]
    public async Task<int> ProviderSaveChangesAsync()
    {
        await using var db = _contextFactory.CreateDbContext();
        db.Orders.Add(NewOrder());
        return await db.SaveChangesAsync();
    }

    private static Order NewOrder()
        => new()
        {
            CustomerId = "c1",
            OrderId = "2024-002",
            Total = 249.99m,
            Status = OrderStatus.Shipped,
            PlacedAt = new DateTimeOffset(2024, 5, 1, 10, 30, 0, TimeSpan.Zero),
            Note = "leave at the door",
        };
}
