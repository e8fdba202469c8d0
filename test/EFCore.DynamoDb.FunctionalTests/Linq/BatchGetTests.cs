using System.Text.Json;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// A set of whole keys (<c>ids.Contains(e.Id)</c>, or a partition key and <c>sortKeys.Contains(e.Sk)</c>) is read
/// with BatchGetItem, 100 keys a request: results equal LINQ-to-Objects whatever the number of keys, duplicates and
/// keys of missing items.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class BatchGetTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public async Task Contains_on_the_partition_key_sends_one_BatchGetItem()
    {
        var skus = new[] { "p007", "p123", "p249", "p000" };
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var parts = await context.Parts.Where(p => skus.Contains(p.Sku)).ToListAsync();

        Assert.Equal(Skus(fixture.Parts.Where(p => skus.Contains(p.Sku))), Skus(parts));
        var request = Assert.Single(log.Requests);
        Assert.Equal("BatchGetItem", request.Operation);
        Assert.Equal([4], KeyCounts(request));
        Assert.DoesNotContain(DynamoDbEventId.ScanQueryWarning, log.EventIds);
    }

    [Fact]
    public async Task More_than_100_keys_with_duplicates_and_missing_items_are_read_in_several_BatchGetItem_requests()
    {
        // 230 keys: 200 distinct existing parts (every one once or twice), 20 missing ones.
        var skus = Enumerable.Range(0, 200).Select(i => "p" + (i * 7 % 250).ToString("D3", System.Globalization.CultureInfo.InvariantCulture))
            .Concat(Enumerable.Range(0, 20).Select(i => "missing-" + i))
            .Concat(Enumerable.Range(0, 10).Select(i => "p" + (i * 7 % 250).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var parts = await context.Parts.Where(p => skus.Contains(p.Sku)).ToListAsync();

        var expected = Skus(fixture.Parts.Where(p => skus.Contains(p.Sku)));
        Assert.Equal(200, expected.Count);
        Assert.Equal(expected, Skus(parts));
        Assert.Equal(["BatchGetItem", "BatchGetItem", "BatchGetItem"], log.Operations);
        Assert.Equal([100, 100, 20], KeyCounts(log.Requests));
        Assert.All(parts.GroupBy(p => p.Sku), g => Assert.Single(g));
    }

    [Fact]
    public async Task Materialized_parts_equal_the_seeded_ones()
    {
        var skus = fixture.Parts.Select(p => p.Sku).Where((_, i) => i % 2 == 1).ToList();
        await using var context = fixture.CreateContext();

        var parts = await context.Parts.AsNoTracking().Where(p => skus.Contains(p.Sku)).ToListAsync();

        var seeded = fixture.Parts.ToDictionary(p => p.Sku);
        Assert.Equal(125, parts.Count);
        Assert.All(parts, p => Assert.Equal((seeded[p.Sku].Name, seeded[p.Sku].Price, seeded[p.Sku].Stock), (p.Name, p.Price, p.Stock)));
    }

    [Fact]
    public async Task An_empty_key_list_sends_nothing()
    {
        var skus = new List<string>();
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        Assert.Empty(await context.Parts.Where(p => skus.Contains(p.Sku)).ToListAsync());
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task Only_missing_keys_return_nothing()
    {
        var skus = new[] { "nope", "nada" };
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        Assert.Empty(await context.Parts.Where(p => skus.Contains(p.Sku)).ToListAsync());
        Assert.Equal(["BatchGetItem"], log.Operations);
    }

    [Fact]
    public async Task A_partition_key_and_more_than_100_sort_keys_are_read_in_several_BatchGetItem_requests()
    {
        // 140 slots: 121 distinct existing ones (four of them twice or three times) and 15 beyond the last slot.
        var slots = Enumerable.Range(0, 120).Select(i => i * 11 % 150 + 1).Concat(Enumerable.Range(151, 15)).Concat([3, 3, 5, 8, 13]).ToList();
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var bins = await context.Bins.Where(b => b.Warehouse == "w1" && slots.Contains(b.Slot)).ToListAsync();

        var expected = fixture.Bins.Where(b => b.Warehouse == "w1" && slots.Contains(b.Slot)).Select(b => b.Slot).Order().ToList();
        Assert.Equal(121, expected.Count);
        Assert.Equal(expected, bins.Select(b => b.Slot).Order());
        Assert.All(bins, b => Assert.Equal("w1-" + b.Slot, b.Label));
        Assert.Equal(["BatchGetItem", "BatchGetItem"], log.Operations);
        Assert.Equal([100, 36], KeyCounts(log.Requests));
    }

    [Fact]
    public async Task A_partition_key_and_a_few_sort_keys_read_only_that_partition()
    {
        var slots = new[] { 2, 39, 40, 41 };
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var bins = await context.Bins.Where(b => slots.Contains(b.Slot) && b.Warehouse == "w2").ToListAsync();

        Assert.Equal(["w2-2", "w2-39", "w2-40"], bins.Select(b => b.Label).Order(StringComparer.Ordinal));
        Assert.Equal(["BatchGetItem"], log.Operations);
    }

    [Fact]
    public async Task A_projection_of_a_key_set_reads_only_the_projected_attributes()
    {
        var skus = new[] { "p010", "p020", "p030" };
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Parts.Where(p => skus.Contains(p.Sku)).Select(p => new { p.Sku, p.Price }).ToListAsync();

        Assert.Equal(
            fixture.Parts.Where(p => skus.Contains(p.Sku)).Select(p => new { p.Sku, p.Price }),
            rows.OrderBy(r => r.Sku, StringComparer.Ordinal));
        var table = TableRequest(Assert.Single(log.Requests));
        var names = table.GetProperty("ExpressionAttributeNames").EnumerateObject().Select(p => p.Value.GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["Price", "Sku"], names);
        Assert.NotNull(table.String("ProjectionExpression"));
    }

    [Fact]
    public async Task WithConsistentRead_on_a_key_set_reads_consistently()
    {
        var skus = new[] { "p011", "p012" };
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var parts = await context.Parts.Where(p => skus.Contains(p.Sku)).WithConsistentRead().ToListAsync();

        Assert.Equal(2, parts.Count);
        Assert.True(TableRequest(Assert.Single(log.Requests)).Bool("ConsistentRead"));
    }

    [Fact]
    public async Task Count_and_FirstOrDefault_of_a_key_set_read_by_key()
    {
        var skus = Enumerable.Range(95, 10).Select(i => "p" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Append("missing").ToList();
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var count = await context.Parts.CountAsync(p => skus.Contains(p.Sku));
        var first = await context.Parts.FirstOrDefaultAsync(p => skus.Contains(p.Sku));

        Assert.Equal(10, count);
        Assert.Contains(first?.Sku, skus);
        Assert.All(log.Operations, o => Assert.Equal("BatchGetItem", o));
    }

    [Fact]
    public async Task A_key_set_and_another_condition_scans_with_an_IN_of_more_than_100_values()
    {
        var skus = Enumerable.Range(0, 180).Select(i => "p" + (i + 40).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var parts = await context.Parts.Where(p => skus.Contains(p.Sku) && p.Price >= 5m).ToListAsync();

        var expected = Skus(fixture.Parts.Where(p => skus.Contains(p.Sku) && p.Price >= 5m));
        Assert.InRange(expected.Count, 1, 179);
        Assert.Equal(expected, Skus(parts));
        Assert.All(log.Operations, o => Assert.Equal("Scan", o));
        var filter = log.Requests[0].Details().String("FilterExpression")!;
        Assert.Equal(2, filter.Split(" IN (").Length - 1);
    }

    [Fact]
    public async Task An_IN_of_more_than_100_values_on_a_non_key_attribute_returns_what_LINQ_returns()
    {
        var stocks = Enumerable.Range(-50, 120).Select(i => (int?)i).Append(null).ToList();
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var parts = await context.Parts.Where(p => stocks.Contains(p.Stock) && p.Price < 4m).ToListAsync();

        var expected = Skus(fixture.Parts.Where(p => stocks.Contains(p.Stock) && p.Price < 4m));
        Assert.Contains(fixture.Parts, p => p.Stock is null && p.Price < 4m);
        Assert.Equal(expected, Skus(parts));
        Assert.Equal(["Scan"], log.Operations.Distinct());
    }

    private static List<string> Skus(IEnumerable<Part> parts) => parts.Select(p => p.Sku).Order(StringComparer.Ordinal).ToList();

    private static JsonElement TableRequest(DynamoDbRequestEventData request)
        => Assert.Single(request.Details().GetProperty("RequestItems").EnumerateObject()).Value;

    private static List<int> KeyCounts(params IEnumerable<DynamoDbRequestEventData> requests)
        => requests.Select(r => TableRequest(r).GetProperty("Keys").GetArrayLength()).ToList();
}
