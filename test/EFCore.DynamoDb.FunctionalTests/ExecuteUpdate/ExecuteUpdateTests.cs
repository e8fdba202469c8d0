using System.Globalization;
using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.FunctionalTests.ExecuteUpdate;

/// <summary>
/// <c>ExecuteUpdateAsync</c> against DynamoDB Local: each setter kind checked on the raw item, the row version
/// incremented and UpdatedAt moved, the ways the items are found (by whole key with no read, by partition, by index,
/// by scan) with the count compared with LINQ-to-Objects over the same seed, conditions that fail, the shared table's
/// type test, and hundreds of items written concurrently. Each test seeds a guild (partition) of its own.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ExecuteUpdateTests(GameFixture fixture) : IClassFixture<GameFixture>
{
    private static string NewGuild() => "g" + Guid.NewGuid().ToString("N")[..8];

    // Players p000…p(n-1) of one guild, named "<guild> #i": levels 0-9, every third in the region "<guild>-eu".
    private static List<Player> CreatePlayers(string guild, int count)
        => Enumerable.Range(0, count)
            .Select(i => new Player
            {
                Guild = guild,
                Id = "p" + i.ToString("000", CultureInfo.InvariantCulture),
                Name = guild + " #" + i,
                Region = i % 3 == 0 ? guild + "-eu" : guild + "-us",
                Level = i % 10,
                Score = i * 1.5,
                Badges = ["rookie"],
                Roles = ["member"],
                Home = new PlayerHome { City = "Bergen", Floor = i % 4 },
            })
            .ToList();

    private async Task<List<Player>> SeedAsync(string guild, int count)
    {
        var players = CreatePlayers(guild, count);
        await using var context = fixture.CreateContext();
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Players.AddRange(players);
        await context.SaveChangesAsync();
        return players;
    }

    private Task<Dictionary<string, AttributeValue>?> RawAsync(string guild, string id)
        => fixture.GetRawItemAsync("Game", ("Guild", Attr.S(guild)), ("Id", Attr.S(id)));

    private async Task<Dictionary<string, AttributeValue>> UpdateOneAsync(Action<UpdateSettersBuilder<Player>> setters, Action<Player>? seed = null)
    {
        var guild = NewGuild();
        var player = CreatePlayers(guild, 1)[0];
        seed?.Invoke(player);
        await using (var context = fixture.CreateContext())
        {
            context.Players.Add(player);
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            Assert.Equal(1, await context.Players.Where(p => p.Guild == guild && p.Id == "p000").ExecuteUpdateAsync(setters));
        }

        return (await RawAsync(guild, "p000"))!;
    }

    [Fact]
    public async Task A_constant_is_stored_and_the_row_version_incremented()
    {
        var item = await UpdateOneAsync(s => s.SetProperty(p => p.Name, "Ann"));

        Assert.Equal("S:Ann", Attr.Text(item["Name"]));
        Assert.Equal("N:2", Attr.Text(item["Revision"]));
    }

    [Fact]
    public async Task A_variable_goes_through_the_value_converter()
    {
        var playerClass = PlayerClass.Mage;

        var item = await UpdateOneAsync(s => s.SetProperty(p => p.Class, playerClass));

        Assert.Equal("S:Mage", Attr.Text(item["Class"]));
    }

    [Fact]
    public async Task Another_property_of_the_item_is_copied()
    {
        var item = await UpdateOneAsync(s => s.SetProperty(p => p.Region, p => p.Name));

        Assert.EndsWith(" #0", item["Region"].S, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Addition_and_subtraction_change_numbers_in_place()
    {
        var item = await UpdateOneAsync(
            s => s.SetProperty(p => p.Level, p => p.Level + 5).SetProperty(p => p.Score, p => p.Score - 0.25),
            p => (p.Level, p.Score) = (2, 10));

        Assert.Equal("N:7", Attr.Text(item["Level"]));
        Assert.Equal("N:9.75", Attr.Text(item["Score"]));
    }

    [Fact]
    public async Task IfNotExists_sets_a_missing_attribute_and_keeps_a_present_one()
    {
        var item = await UpdateOneAsync(
            s => s.SetProperty(p => p.Name, p => EF.Functions.IfNotExists(p.Name, "nameless"))
                .SetProperty(p => p.Region, p => EF.Functions.IfNotExists(p.Region, "nowhere")),
            p => p.Name = null);

        Assert.Equal("S:nameless", Attr.Text(item["Name"]));
        Assert.EndsWith("-eu", item["Region"].S);
    }

    [Fact]
    public async Task ListAppend_appends_and_prepends()
    {
        List<string> first = ["first"];
        List<string> last = ["last"];

        var appended = await UpdateOneAsync(s => s.SetProperty(p => p.Badges, p => EF.Functions.ListAppend(p.Badges, last)));
        var prepended = await UpdateOneAsync(s => s.SetProperty(p => p.Badges, p => EF.Functions.ListAppend(first, p.Badges)));

        Assert.Equal("L[S:rookie, S:last]", Attr.Text(appended["Badges"]));
        Assert.Equal("L[S:first, S:rookie]", Attr.Text(prepended["Badges"]));
    }

    [Fact]
    public async Task Concat_appends_to_a_list()
    {
        var more = new[] { "veteran" };

        var item = await UpdateOneAsync(s => s.SetProperty(p => p.Badges, p => p.Badges.Concat(more).ToList()));

        Assert.Equal("L[S:rookie, S:veteran]", Attr.Text(item["Badges"]));
    }

    [Fact]
    public async Task SetAdd_and_SetRemove_change_the_elements_of_a_set()
    {
        var added = await UpdateOneAsync(s => s.SetProperty(p => p.Roles, p => EF.Functions.SetAdd(p.Roles, new[] { "officer", "member" })));
        var removed = await UpdateOneAsync(s => s.SetProperty(p => p.Roles, p => EF.Functions.SetRemove(p.Roles, new[] { "member" })));

        Assert.Equal(["member", "officer"], added["Roles"].SS.Order(StringComparer.Ordinal));
        Assert.False(removed.ContainsKey("Roles"));
    }

    [Fact]
    public async Task Null_and_Remove_remove_the_attributes()
    {
        var item = await UpdateOneAsync(s => s.SetProperty(p => p.Name, (string?)null).SetProperty(p => p.Badges, p => EF.Functions.Remove(p.Badges)));

        Assert.False(item.ContainsKey("Name"));
        Assert.False(item.ContainsKey("Badges"));
    }

    [Fact]
    public async Task A_member_of_a_complex_value_is_set_at_its_document_path()
    {
        var item = await UpdateOneAsync(s => s.SetProperty(p => p.Home.City, "Oslo").SetProperty(p => p.Home.Floor, p => p.Home.Floor + 1));

        Assert.Equal("M{City=S:Oslo, Floor=N:1}", Attr.Text(item["Home"]));
    }

    [Fact]
    public async Task By_whole_key_nothing_is_read()
    {
        var guild = NewGuild();
        await SeedAsync(guild, 2);
        var log = new RequestLog();

        await using (var context = fixture.CreateContext(log))
        {
            Assert.Equal(1, await context.Players.Where(p => p.Guild == guild && p.Id == "p001" && p.Level == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Level, 50)));
        }

        Assert.Equal(["UpdateItem"], log.Operations);
        Assert.Equal("N:50", Attr.Text((await RawAsync(guild, "p001"))!["Level"]));
        Assert.Equal("N:0", Attr.Text((await RawAsync(guild, "p000"))!["Level"]));
    }

    [Fact]
    public async Task By_whole_key_a_predicate_that_does_not_match_changes_nothing()
    {
        var guild = NewGuild();
        await SeedAsync(guild, 2);
        var before = await RawAsync(guild, "p001");

        await using (var context = fixture.CreateContext())
        {
            Assert.Equal(0, await context.Players.Where(p => p.Guild == guild && p.Id == "p001" && p.Level > 5).ExecuteUpdateAsync(s => s.SetProperty(p => p.Level, 50)));
        }

        Assert.Equal(Attr.Text(new AttributeValue { M = before }), Attr.Text(new AttributeValue { M = (await RawAsync(guild, "p001"))! }));
    }

    [Fact]
    public async Task By_whole_key_a_missing_item_is_not_created()
    {
        var guild = NewGuild();

        await using (var context = fixture.CreateContext())
        {
            Assert.Equal(0, await context.Players.Where(p => p.Guild == guild && p.Id == "nobody").ExecuteUpdateAsync(s => s.SetProperty(p => p.Level, 1)));
        }

        Assert.Null(await RawAsync(guild, "nobody"));
    }

    [Fact]
    public async Task By_partition_the_matching_items_are_updated_and_counted()
    {
        var guild = NewGuild();
        var players = await SeedAsync(guild, 30);
        Expression<Func<Player, bool>> predicate = p => p.Guild == guild && p.Level >= 7;
        var log = new RequestLog();

        int changed;
        await using (var context = fixture.CreateContext(log))
        {
            changed = await context.Players.Where(predicate).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "top"));
        }

        var expected = players.Where(LinqToObjects.Compile(predicate)).Select(p => p.Id).ToList();
        Assert.Equal(expected.Count, changed);
        Assert.Equal("Query", log.Operations[0]);
        Assert.Equal(expected.Count, log.Operations.Count(o => o == "UpdateItem"));
        Assert.DoesNotContain(log.Operations, o => o is "Scan" or "GetItem");
        foreach (var player in players)
        {
            Assert.Equal(expected.Contains(player.Id) ? "S:top" : "S:" + player.Name, Attr.Text((await RawAsync(guild, player.Id))!["Name"]));
        }
    }

    [Fact]
    public async Task By_index_the_keys_are_read_from_the_index()
    {
        var guild = NewGuild();
        var players = await SeedAsync(guild, 30);
        var region = guild + "-eu";
        Expression<Func<Player, bool>> predicate = p => p.Region == region && p.Level > 2;
        var log = new RequestLog();

        int changed;
        await using (var context = fixture.CreateContext(log))
        {
            changed = await context.Players.Where(predicate).ExecuteUpdateAsync(s => s.SetProperty(p => p.Score, p => p.Score + 100));
        }

        Assert.Equal(players.Count(LinqToObjects.Compile(predicate)), changed);
        Assert.Equal("ByRegion", log.Requests[0].IndexName);
        Assert.Equal("Query", log.Operations[0]);
    }

    [Fact]
    public async Task By_index_an_update_of_the_index_sort_key_changes_each_item_once()
    {
        var guild = NewGuild();
        var players = await SeedAsync(guild, 30);
        var region = guild + "-eu";

        int changed;
        await using (var context = fixture.CreateContext())
        {
            changed = await context.Players.Where(p => p.Region == region).ExecuteUpdateAsync(s => s.SetProperty(p => p.Level, p => p.Level + 20));
        }

        var inRegion = players.Where(p => p.Region == region).ToList();
        Assert.Equal(inRegion.Count, changed);
        foreach (var player in inRegion)
        {
            Assert.Equal("N:" + (player.Level + 20), Attr.Text((await RawAsync(guild, player.Id))!["Level"]));
        }
    }

    [Fact]
    public async Task By_scan_the_keys_are_read_with_a_Scan_and_the_scan_warning_is_logged()
    {
        var guild = NewGuild();
        var players = await SeedAsync(guild, 12);
        var name = guild + " #4";
        var log = new RequestLog();

        int changed;
        await using (var context = fixture.CreateContext(log, o => o.ConfigureWarnings(w => w.Log(DynamoDbEventId.ScanQueryWarning))))
        {
            changed = await context.Players.Where(p => p.Name == name || p.Name == guild + " #7").ExecuteUpdateAsync(s => s.SetProperty(p => p.Level, 99));
        }

        Assert.Equal(players.Count(p => p.Name == name || p.Name == guild + " #7"), changed);
        Assert.Equal("Scan", log.Operations[0]);
        Assert.Contains(DynamoDbEventId.ScanQueryWarning, log.EventIds);
        Assert.Equal("N:99", Attr.Text((await RawAsync(guild, "p004"))!["Level"]));
    }

    [Fact]
    public async Task A_tracked_copy_read_before_the_update_fails_its_save_with_a_concurrency_conflict()
    {
        var guild = NewGuild();
        await SeedAsync(guild, 1);
        await using var stale = fixture.CreateContext();
        var player = await stale.Players.SingleAsync(p => p.Guild == guild && p.Id == "p000");

        await using (var context = fixture.CreateContext())
        {
            await context.Players.Where(p => p.Guild == guild).ExecuteUpdateAsync(s => s.SetProperty(p => p.Level, 3));
        }

        player.Name = "stale";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        Assert.Equal("N:" + (player.Revision + 1), Attr.Text((await RawAsync(guild, "p000"))!["Revision"]));
    }

    [Fact]
    public async Task Timestamps_move_UpdatedAt()
    {
        var id = NewGuild();
        await using (var context = fixture.CreateContext())
        {
            context.Quests.Add(new Quest { Id = id });
            await context.SaveChangesAsync();
        }

        var createdAt = (await fixture.GetRawItemAsync("Quests", ("Id", Attr.S(id))))!["CreatedAt"].S;
        await Task.Delay(10);
        await using (var context = fixture.CreateContext())
        {
            await context.Quests.Where(q => q.Id == id).ExecuteUpdateAsync(s => s.SetProperty(q => q.Progress, q => q.Progress + 1));
        }

        var item = (await fixture.GetRawItemAsync("Quests", ("Id", Attr.S(id))))!;
        Assert.Equal(createdAt, item["CreatedAt"].S);
        Assert.True(string.CompareOrdinal(item["UpdatedAt"].S, createdAt) > 0);
        Assert.Equal("N:1", Attr.Text(item["Progress"]));
    }

    [Fact]
    public async Task In_a_shared_table_only_the_queried_type_is_changed()
    {
        var guild = NewGuild();
        await SeedAsync(guild, 2);
        await using (var context = fixture.CreateContext())
        {
            context.Banners.Add(new Banner { Guild = guild, Id = "b1", Level = 1 });
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            Assert.Equal(2, await context.Players.Where(p => p.Guild == guild).ExecuteUpdateAsync(s => s.SetProperty(p => p.Level, 42)));
            Assert.Equal(0, await context.Players.Where(p => p.Guild == guild && p.Id == "b1").ExecuteUpdateAsync(s => s.SetProperty(p => p.Level, 42)));
        }

        Assert.Equal("N:1", Attr.Text((await RawAsync(guild, "b1"))!["Level"]));
    }

    [Fact]
    public async Task Hundreds_of_items_are_updated_with_bounded_concurrency()
    {
        var guild = NewGuild();
        await SeedAsync(guild, 300);

        await using (var context = fixture.CreateContext(configure: o => o.UseDynamoDb(d => d.MaxConcurrentWrites(8))))
        {
            Assert.Equal(300, await context.Players.Where(p => p.Guild == guild).ExecuteUpdateAsync(s => s.SetProperty(p => p.Level, p => p.Level + 1)));
        }

        await using (var context = fixture.CreateContext())
        {
            var levels = await context.Players.Where(p => p.Guild == guild).Select(p => p.Level).ToListAsync();
            Assert.Equal(CreatePlayers(guild, 300).Select(p => p.Level + 1).Order(), levels.Order());
        }
    }
}
