using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Tests.TestModels;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.CompositeKeys;

/// <summary>
/// Keys of three properties on DynamoDB Local: the items as stored (the partition key, the composite sort-key
/// attribute, every part as its own attribute), Find and whole-key reads as GetItem, a leading run of parts as one
/// Query (never a Scan) returning what LINQ-to-Objects returns, in key order, page by page; updates, deletes,
/// concurrency and bulk writes addressed by the encoded key.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class CompositeKeyTests(CompositeKeysFixture fixture) : IClassFixture<CompositeKeysFixture>
{
    private static readonly DateTime Day = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private CompositeKeysContext Context(RequestLog log) => fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

    private static string Key(UserToken t) => t.UserId + "|" + t.LoginProvider + "|" + t.Name;

    private static string Key(Measurement m) => m.Site + "|" + m.Sensor + "|" + m.TakenAt.ToString("O");

    [Fact]
    public async Task Each_item_holds_the_partition_key_the_composite_sort_key_and_every_part()
    {
        var item = await fixture.GetRawItemAsync(
            "Tokens",
            ("UserId", new AttributeValue { S = "u1" }),
            ("LoginProvider#Name", new AttributeValue { S = "a$cb#b$cc" }));

        Assert.NotNull(item);
        Assert.Equal(("a#b", "b#c", "u1/a#b/b#c"), (item["LoginProvider"].S, item["Name"].S, item["Value"].S));
        var all = (await fixture.ScanRawAsync("Tokens")).Where(i => i["UserId"].S is "u1" or "u2").ToList();
        Assert.Equal(fixture.Tokens.Count, all.Count);
        Assert.All(all, i => Assert.True(i.ContainsKey("LoginProvider") && i.ContainsKey("Name") && i.ContainsKey("LoginProvider#Name")));
    }

    [Fact]
    public async Task FindAsync_with_the_three_key_values_is_one_GetItem()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var token = await context.Tokens.FindAsync("u2", "a#b", "refresh");
        var missing = await context.Tokens.FindAsync("u2", "a", "b#c#");

        Assert.Equal("u2/a#b/refresh", token!.Value);
        Assert.Null(missing);
        Assert.Equal(["GetItem", "GetItem"], log.Operations);
    }

    [Fact]
    public async Task A_leading_run_of_parts_is_one_Query_that_returns_exactly_those_items_in_key_order()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        // "a" is a prefix of "a#b": the encoded run must not match the other provider's items.
        var tokens = await context.Tokens.Where(t => t.UserId == "u1" && t.LoginProvider == "a").ToListAsync();

        var expected = fixture.Tokens.Where(t => t.UserId == "u1" && t.LoginProvider == "a").OrderBy(t => t.Name, StringComparer.Ordinal);
        Assert.Equal(expected.Select(Key), tokens.Select(Key));
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public async Task A_partition_is_read_in_the_order_of_its_parts_forward_and_backward()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var forward = await context.Tokens.Where(t => t.UserId == "u2").OrderBy(t => t.LoginProvider).ThenBy(t => t.Name).ToListAsync();
        var backward = await context.Tokens.Where(t => t.UserId == "u2").OrderByDescending(t => t.LoginProvider).ThenByDescending(t => t.Name).ToListAsync();

        var expected = fixture.Tokens.Where(t => t.UserId == "u2")
            .OrderBy(t => t.LoginProvider, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).Select(Key).ToList();
        Assert.Equal(expected, forward.Select(Key));
        Assert.Equal(Enumerable.Reverse(expected), backward.Select(Key));
        Assert.Equal(["Query", "Query"], log.Operations);
        Assert.False(log.Requests[1].Details().Bool("ScanIndexForward"));
    }

    [Fact]
    public async Task Ranges_on_a_number_and_a_date_part_are_key_conditions_with_exact_results()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var positive = await context.Measurements.Where(m => m.Site == "s1" && m.Sensor > 0).ToListAsync();
        var upTo = await context.Measurements.Where(m => m.Site == "s1" && m.Sensor <= 2).ToListAsync();
        var below = await context.Measurements.Where(m => m.Site == "s2" && m.Sensor < 10).OrderByDescending(m => m.Sensor).ThenByDescending(m => m.TakenAt).ToListAsync();
        var since = await context.Measurements.Where(m => m.Site == "s1" && m.Sensor == 10 && m.TakenAt >= Day.AddDays(2)).ToListAsync();
        var before = await context.Measurements.Where(m => m.Site == "s1" && m.Sensor == 10 && m.TakenAt < Day.AddDays(2).AddHours(2)).ToListAsync();

        IEnumerable<string> InKeyOrder(Func<Measurement, bool> predicate)
            => fixture.Measurements.Where(predicate).OrderBy(m => m.Sensor).ThenBy(m => m.TakenAt).Select(Key);
        Assert.Equal(InKeyOrder(m => m.Site == "s1" && m.Sensor > 0), positive.Select(Key));
        Assert.Equal(InKeyOrder(m => m.Site == "s1" && m.Sensor <= 2), upTo.Select(Key));
        Assert.Equal(InKeyOrder(m => m.Site == "s2" && m.Sensor < 10).Reverse(), below.Select(Key));
        Assert.Equal(InKeyOrder(m => m.Site == "s1" && m.Sensor == 10 && m.TakenAt >= Day.AddDays(2)), since.Select(Key));
        Assert.Equal(InKeyOrder(m => m.Site == "s1" && m.Sensor == 10 && m.TakenAt < Day.AddDays(2).AddHours(2)), before.Select(Key));
        Assert.NotEmpty(since);
        Assert.NotEmpty(before);
        Assert.All(log.Requests, r => Assert.Equal("Query", r.Operation));
        Assert.Equal(5, log.Requests.Count);
    }

    [Fact]
    public async Task Several_whole_keys_are_one_BatchGetItem()
    {
        var log = new RequestLog();
        await using var context = Context(log);
        string[] names = ["access", "b#c", "nope"];

        var tokens = await context.Tokens.Where(t => t.UserId == "u1" && t.LoginProvider == "Google" && names.Contains(t.Name)).ToListAsync();

        Assert.Equal(["u1|Google|access", "u1|Google|b#c"], tokens.Select(Key).Order(StringComparer.Ordinal));
        Assert.Equal(["BatchGetItem"], log.Operations);
    }

    [Fact]
    public async Task Pages_continue_after_the_composite_key_of_the_last_item()
    {
        var log = new RequestLog();
        await using var context = Context(log);
        var read = new List<string>();
        string? token = null;
        do
        {
            var page = await context.Measurements.Where(m => m.Site == "s2").Select(m => new { m.Site, m.Sensor, m.TakenAt }).ToPageAsync(6, token);
            read.AddRange(page.Values.Select(m => m.Site + "|" + m.Sensor + "|" + m.TakenAt.ToString("O")));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(fixture.Measurements.Where(m => m.Site == "s2").OrderBy(m => m.Sensor).ThenBy(m => m.TakenAt).Select(Key), read);
        Assert.DoesNotContain("Scan", log.Operations);
    }

    [Fact]
    public async Task Update_and_delete_address_the_encoded_key_and_a_stale_copy_is_a_concurrency_failure()
    {
        var site = "w-" + Guid.NewGuid().ToString("N")[..8];
        await using (var context = Context(new RequestLog()))
        {
            context.Measurements.Add(new Measurement { Site = site, Sensor = -3, TakenAt = Day, Value = 1, Version = 1 });
            await context.SaveChangesAsync();
        }

        await using var first = Context(new RequestLog());
        await using var second = Context(new RequestLog());
        var mine = await first.Measurements.SingleAsync(m => m.Site == site && m.Sensor == -3 && m.TakenAt == Day);
        var stale = await second.Measurements.FindAsync(site, -3, Day);
        mine.Value = 2;
        mine.Version = 2;
        await first.SaveChangesAsync();
        stale!.Value = 3;
        stale.Version = 3;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        var raw = (await fixture.ScanRawAsync("Measurements")).Single(i => i["Site"].S == site);
        Assert.Equal(("2", "2", "-3"), (raw["Value"].N, raw["Version"].N, raw["Sensor"].N));
        Assert.Equal(2, raw.Count(a => a.Key is "Sensor#TakenAt" or "TakenAt"));

        first.Measurements.Remove(mine);
        await first.SaveChangesAsync();
        Assert.DoesNotContain(await fixture.ScanRawAsync("Measurements"), i => i["Site"].S == site);
    }

    [Fact]
    public async Task ExecuteUpdate_and_ExecuteDelete_on_a_leading_run_write_only_those_items()
    {
        var user = "w-" + Guid.NewGuid().ToString("N")[..8];
        var log = new RequestLog();
        await using var context = Context(log);
        context.Tokens.AddRange(
            new UserToken { UserId = user, LoginProvider = "a", Name = "x", Value = "1" },
            new UserToken { UserId = user, LoginProvider = "a", Name = "y", Value = "1" },
            new UserToken { UserId = user, LoginProvider = "a#b", Name = "x", Value = "1" });
        await context.SaveChangesAsync();
        log.Clear();

        var updated = await context.Tokens.Where(t => t.UserId == user && t.LoginProvider == "a").ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, "2"));
        var deleted = await context.Tokens.Where(t => t.UserId == user && t.LoginProvider == "a" && t.Name == "x").ExecuteDeleteAsync();

        Assert.Equal((2, 1), (updated, deleted));
        Assert.DoesNotContain("Scan", log.Operations);
        var raw = (await fixture.ScanRawAsync("Tokens")).Where(i => i["UserId"].S == user)
            .Select(i => i["LoginProvider#Name"].S + "=" + i["Value"].S).Order(StringComparer.Ordinal);
        Assert.Equal(["a#y=2", "a$cb#x=1"], raw);
    }
}
