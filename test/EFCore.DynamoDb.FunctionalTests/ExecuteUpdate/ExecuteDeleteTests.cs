using System.Globalization;
using System.Linq.Expressions;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.ExecuteUpdate;

/// <summary>
/// <c>ExecuteDeleteAsync</c> against DynamoDB Local: by whole key (one DeleteItem, nothing read), by partition and
/// by scan (the keys read, then one conditional DeleteItem each), the count compared with LINQ-to-Objects over the
/// same seed, the items left checked raw. Each test seeds a guild (partition) of its own.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ExecuteDeleteTests(GameFixture fixture) : IClassFixture<GameFixture>
{
    private static string NewGuild() => "g" + Guid.NewGuid().ToString("N")[..8];

    private async Task<List<Player>> SeedAsync(string guild, int count)
    {
        var players = Enumerable.Range(0, count)
            .Select(i => new Player { Guild = guild, Id = "p" + i.ToString("000", CultureInfo.InvariantCulture), Name = guild + "-" + (i % 5), Level = i % 10 })
            .ToList();
        await using var context = fixture.CreateContext();
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Players.AddRange(players);
        await context.SaveChangesAsync();
        return players;
    }

    private async Task<List<string>> RemainingIdsAsync(string guild)
    {
        await using var context = fixture.CreateContext();
        return (await context.Players.Where(p => p.Guild == guild).Select(p => p.Id).ToListAsync()).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task By_whole_key_one_DeleteItem_is_sent_and_nothing_read()
    {
        var guild = NewGuild();
        await SeedAsync(guild, 3);
        var log = new RequestLog();

        await using (var context = fixture.CreateContext(log))
        {
            Assert.Equal(1, await context.Players.Where(p => p.Guild == guild && p.Id == "p001").ExecuteDeleteAsync());
        }

        Assert.Equal(["DeleteItem"], log.Operations);
        Assert.Equal(["p000", "p002"], await RemainingIdsAsync(guild));
    }

    [Fact]
    public async Task By_whole_key_a_missing_item_counts_zero()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(0, await context.Players.Where(p => p.Guild == "nobody" && p.Id == "p000").ExecuteDeleteAsync());
    }

    [Fact]
    public async Task By_partition_the_matching_items_are_deleted_and_counted()
    {
        var guild = NewGuild();
        var players = await SeedAsync(guild, 25);
        Expression<Func<Player, bool>> predicate = p => p.Guild == guild && p.Level < 4;
        var log = new RequestLog();

        int deleted;
        await using (var context = fixture.CreateContext(log))
        {
            deleted = await context.Players.Where(predicate).ExecuteDeleteAsync();
        }

        var kept = players.Where(p => !LinqToObjects.Compile(predicate)(p)).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(players.Count - kept.Count, deleted);
        Assert.Equal("Query", log.Operations[0]);
        Assert.Equal(kept, await RemainingIdsAsync(guild));
    }

    [Fact]
    public async Task By_scan_the_matching_items_are_deleted_and_counted()
    {
        var guild = NewGuild();
        var players = await SeedAsync(guild, 20);
        var name = guild + "-3";
        var log = new RequestLog();

        int deleted;
        await using (var context = fixture.CreateContext(log, o => o.ConfigureWarnings(w => w.Log(DynamoDbEventId.ScanQueryWarning))))
        {
            deleted = await context.Players.Where(p => p.Name == name).ExecuteDeleteAsync();
        }

        Assert.Equal(players.Count(p => p.Name == name), deleted);
        Assert.Equal("Scan", log.Operations[0]);
        Assert.Equal(players.Where(p => p.Name != name).Select(p => p.Id).Order(StringComparer.Ordinal), await RemainingIdsAsync(guild));
    }

    [Fact]
    public async Task Take_deletes_only_that_many()
    {
        var guild = NewGuild();
        await SeedAsync(guild, 10);

        await using (var context = fixture.CreateContext())
        {
            Assert.Equal(4, await context.Players.Where(p => p.Guild == guild).OrderBy(p => p.Id).Take(4).ExecuteDeleteAsync());
        }

        Assert.Equal(["p004", "p005", "p006", "p007", "p008", "p009"], await RemainingIdsAsync(guild));
    }

    [Fact]
    public async Task Hundreds_of_items_are_deleted()
    {
        var guild = NewGuild();
        await SeedAsync(guild, 300);

        await using (var context = fixture.CreateContext())
        {
            Assert.Equal(300, await context.Players.Where(p => p.Guild == guild).ExecuteDeleteAsync());
        }

        Assert.Empty(await RemainingIdsAsync(guild));
    }

    [Fact]
    public async Task The_sync_form_raises_SyncNotSupported_and_deletes_nothing()
    {
        var guild = NewGuild();
        await SeedAsync(guild, 1);
        await using var context = fixture.CreateContext();

        var exception = Assert.Throws<InvalidOperationException>(() => context.Players.Where(p => p.Guild == guild).ExecuteDelete());

        Assert.Contains("ExecuteDeleteAsync", exception.Message, StringComparison.Ordinal);
        Assert.Equal(["p000"], await RemainingIdsAsync(guild));
    }
}
