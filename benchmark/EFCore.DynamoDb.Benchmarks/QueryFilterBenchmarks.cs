using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Benchmarks.Canned;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
/// A partition-key Query returning one page of twenty orders (canned), filtered: by a FilterExpression DynamoDB
/// evaluates (the raw SDK, and the provider with a fully translatable predicate), and with a predicate part the
/// provider checks on each returned item. The fully translatable row is the one to compare across versions: client
/// evaluation must not make it cost more.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class QueryFilterBenchmarks
{
    private AmazonDynamoDBClient _client = null!;
    private PooledDbContextFactory<BenchmarkContext> _contextFactory = null!;
    private string _customerId = "c1";
    private decimal _minimumTotal = 10m;

    [GlobalSetup]
    public void Setup()
    {
        _client = CannedHttpHandler.CreateClient(new CannedResponses(PageOrder, queryItemCount: 20));
        _contextFactory = new PooledDbContextFactory<BenchmarkContext>(
            new DbContextOptionsBuilder<BenchmarkContext>()
                .UseDynamoDb(_client)
                // The client-evaluated row is meant to be client evaluated: its warning would only be logging cost.
                .ConfigureWarnings(w => w.Ignore(DynamoDbEventId.ClientEvaluationWarning))
                .Options);
    }

    // One Query page of twenty orders of customer c1, every fourth one with a note that mentions a door.
    private static Dictionary<string, AttributeValue> PageOrder(int i)
        => OrderItemMapping.ToItem(new Order
        {
            CustomerId = "c1",
            OrderId = $"2024-{i + 1:000}",
            Total = (i + 1) * 10 + 0.5m,
            Status = OrderStatus.Shipped,
            PlacedAt = new DateTimeOffset(2024, 5, 1, 10, 30, 0, TimeSpan.Zero),
            Note = (i + 1) % 4 == 0 ? "leave at the door" : "ring twice",
        });

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    [Benchmark(Baseline = true, Description = "SDK Query with FilterExpression + mapping")]
    [BenchmarkCategory("QueryFilter")]
    public async Task<List<Order>> SdkQueryWithFilter()
    {
        var response = await _client.QueryAsync(new QueryRequest
        {
            TableName = "Orders",
            KeyConditionExpression = "#pk = :pk",
            FilterExpression = "#total > :total",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = "CustomerId", ["#total"] = "Total" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":pk"] = new() { S = _customerId },
                [":total"] = new() { N = _minimumTotal.ToString(CultureInfo.InvariantCulture) },
            },
        });
        return response.Items.Select(OrderItemMapping.FromItem).ToList();
    }

    [Benchmark(Description = "EF Query, predicate fully translatable")]
    [BenchmarkCategory("QueryFilter")]
    public async Task<List<Order>> ProviderFullyTranslatable()
    {
        await using var db = _contextFactory.CreateDbContext();
        return await db.Orders.AsNoTracking().Where(o => o.CustomerId == _customerId && o.Total > _minimumTotal).ToListAsync();
    }

    [Benchmark(Description = "EF Query, predicate with a client-evaluated part")]
    [BenchmarkCategory("QueryFilter")]
    public async Task<List<Order>> ProviderWithResidual()
    {
        await using var db = _contextFactory.CreateDbContext();
        return await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == _customerId && o.Total > _minimumTotal && o.Note!.ToUpper().Contains("DOOR"))
            .ToListAsync();
    }
}
