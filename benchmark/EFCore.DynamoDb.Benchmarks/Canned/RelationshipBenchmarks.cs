using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// The relationship lookups against the raw SDK doing the same requests with hand-written mapping, over canned
/// responses: <c>Include</c> of a reference over one Query page of 100 orders — the Query, then one BatchGetItem of
/// their 20 distinct customers, joined by key; and the <c>Include</c> of an item collection — one Query of an
/// account's partition returning the account and its 100 entries, told apart by type.
/// </summary>
public class RelationshipBenchmarks
{
    /// <summary>The orders' table.</summary>
    public const string OrdersTable = "ShopOrders";

    /// <summary>The customers' table.</summary>
    public const string CustomersTable = "ShopCustomers";

    /// <summary>The accounts' and entries' one table.</summary>
    public const string LedgerTable = "Ledger";

    private const int CustomerCount = 20;

    private const int EntryCount = 100;

    private AmazonDynamoDBClient _client = null!;
    private AmazonDynamoDBClient _ledgerClient = null!;
    private PooledDbContextFactory<ShopContext> _contexts = null!;
    private PooledDbContextFactory<LedgerContext> _ledgerContexts = null!;
    private string _shop = "north";
    private string _account = "A#1";

    [GlobalSetup]
    public void Setup()
    {
        _client = CannedHttpHandler.CreateClient(new CannedResponses(
            i => ToItem(new ShopOrder { Shop = "north", Number = i, CustomerId = CustomerId(i), Total = i + 0.5m }))
        {
            BatchGetItem = CannedResponses.BatchGetBody(
                CustomersTable,
                Enumerable.Range(0, CustomerCount).Select(i => ToItem(new ShopCustomer { Id = CustomerId(i), Name = "Customer " + i, City = "Oslo" }))),
        });
        _contexts = new PooledDbContextFactory<ShopContext>(new DbContextOptionsBuilder<ShopContext>().UseDynamoDb(_client).Options);
        _ledgerClient = CannedHttpHandler.CreateClient(new CannedResponses(
            i => i == 0
                ? new() { ["Pk"] = new() { S = "A#1" }, ["Sk"] = new() { S = "PROFILE" }, ["Owner"] = new() { S = "Ada" }, ["$type"] = new() { S = "LedgerAccount" } }
                : new()
                {
                    ["Pk"] = new() { S = "A#1" },
                    ["Sk"] = new() { S = "ENTRY#" + i.ToString("000", CultureInfo.InvariantCulture) },
                    ["Amount"] = new() { N = (i * 2.5m).ToString(CultureInfo.InvariantCulture) },
                    ["$type"] = new() { S = "LedgerEntry" },
                },
            queryItemCount: EntryCount + 1));
        _ledgerContexts = new PooledDbContextFactory<LedgerContext>(new DbContextOptionsBuilder<LedgerContext>().UseDynamoDb(_ledgerClient).Options);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _ledgerClient.Dispose();
    }

    [Benchmark(Baseline = true, Description = "SDK")]
    [BenchmarkCategory("IncludeItemCollection")]
    public async Task<LedgerAccount?> SdkIncludeItemCollection()
    {
        var response = await _ledgerClient.QueryAsync(new QueryRequest
        {
            TableName = LedgerTable,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = "Pk" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = _account } },
        });
        LedgerAccount? account = null;
        var entries = new List<LedgerEntry>();
        foreach (var item in response.Items)
        {
            if (item["$type"].S == "LedgerAccount")
            {
                account = new LedgerAccount { Pk = item["Pk"].S, Sk = item["Sk"].S, Owner = item["Owner"].S };
            }
            else
            {
                entries.Add(new LedgerEntry { Pk = item["Pk"].S, Sk = item["Sk"].S, Amount = decimal.Parse(item["Amount"].N, CultureInfo.InvariantCulture) });
            }
        }

        if (account is not null)
        {
            foreach (var entry in entries)
            {
                entry.Account = account;
                account.Entries.Add(entry);
            }
        }

        return account;
    }

    [Benchmark(Description = "Provider")]
    [BenchmarkCategory("IncludeItemCollection")]
    public async Task<LedgerAccount?> ProviderIncludeItemCollection()
    {
        await using var db = _ledgerContexts.CreateDbContext();
        return await db.Accounts.AsNoTracking().Where(a => a.Pk == _account).Include(a => a.Entries).SingleOrDefaultAsync();
    }

    [Benchmark(Baseline = true, Description = "SDK")]
    [BenchmarkCategory("IncludeReference100")]
    public async Task<List<ShopOrder>> SdkIncludeReference()
    {
        var response = await _client.QueryAsync(new QueryRequest
        {
            TableName = OrdersTable,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = "Shop" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = _shop } },
        });
        var orders = response.Items.Select(FromOrderItem).ToList();
        var keys = orders.Select(o => o.CustomerId).Distinct()
            .Select(id => new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } })
            .ToList();
        var customers = await _client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new Dictionary<string, KeysAndAttributes> { [CustomersTable] = new() { Keys = keys } },
        });
        var byId = customers.Responses[CustomersTable].Select(FromCustomerItem).ToDictionary(c => c.Id);
        foreach (var order in orders)
        {
            if (byId.TryGetValue(order.CustomerId, out var customer))
            {
                order.Customer = customer;
                customer.Orders.Add(order);
            }
        }

        return orders;
    }

    [Benchmark(Description = "Provider")]
    [BenchmarkCategory("IncludeReference100")]
    public async Task<List<ShopOrder>> ProviderIncludeReference()
    {
        await using var db = _contexts.CreateDbContext();
        return await db.Orders.AsNoTracking().Where(o => o.Shop == _shop).Include(o => o.Customer).ToListAsync();
    }

    private static string CustomerId(int i) => "c" + (i % CustomerCount).ToString("00", CultureInfo.InvariantCulture);

    private static Dictionary<string, AttributeValue> ToItem(ShopOrder order)
        => new()
        {
            ["Shop"] = new() { S = order.Shop },
            ["Number"] = new() { N = order.Number.ToString(CultureInfo.InvariantCulture) },
            ["CustomerId"] = new() { S = order.CustomerId },
            ["Total"] = new() { N = order.Total.ToString(CultureInfo.InvariantCulture) },
        };

    private static Dictionary<string, AttributeValue> ToItem(ShopCustomer customer)
        => new()
        {
            ["Id"] = new() { S = customer.Id },
            ["Name"] = new() { S = customer.Name },
            ["City"] = new() { S = customer.City },
        };

    private static ShopOrder FromOrderItem(Dictionary<string, AttributeValue> item)
        => new()
        {
            Shop = item["Shop"].S,
            Number = int.Parse(item["Number"].N, CultureInfo.InvariantCulture),
            CustomerId = item["CustomerId"].S,
            Total = decimal.Parse(item["Total"].N, CultureInfo.InvariantCulture),
        };

    private static ShopCustomer FromCustomerItem(Dictionary<string, AttributeValue> item)
        => new() { Id = item["Id"].S, Name = item["Name"].S, City = item["City"].S };
}
