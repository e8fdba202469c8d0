using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>
/// Complex collections against DynamoDB Local: stored as a list (L) of maps (M) with the attribute names of the
/// model (checked raw), read back equal with and without tracking, written whole on any change inside (an element
/// changed, added or removed, the collection replaced or cleared), and refused with the reason in a filter.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ComplexCollectionTests(ComplexTypesFixture fixture) : IClassFixture<ComplexTypesFixture>
{
    [Fact]
    public async Task A_complex_collection_is_a_list_of_maps_with_the_attribute_names_of_the_model()
    {
        var item = await fixture.GetRawItemAsync("Teams", ("Id", Attr.S("t1")));

        Assert.NotNull(item);
        Assert.Equal(["Id", "Name", "Reserves", "players"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            "L[M{Name=S:Ann, Nicknames=L[S:Annie], Position=M{Line=N:1, Role=S:forward}, no=N:9}, "
            + "M{Name=S:Ben, Nicknames=L[], Position=M{Line=N:3, Role=S:back}, no=N:4}, "
            + "M{Name=S:Cid, Nicknames=L[], no=N:1}]",
            Attr.Text(item["players"]));
        Assert.Equal("L[M{Name=S:Dan, Nicknames=L[], Number=N:12}]", Attr.Text(item["Reserves"]));
    }

    [Fact]
    public async Task An_empty_collection_is_an_empty_list_and_a_null_one_has_no_attribute()
    {
        var empty = await fixture.GetRawItemAsync("Teams", ("Id", Attr.S("t2")));
        var none = await fixture.GetRawItemAsync("Teams", ("Id", Attr.S("t3")));

        Assert.Equal("L[]", Attr.Text(empty!["players"]));
        Assert.Equal("L[]", Attr.Text(empty["Reserves"]));
        Assert.False(none!.ContainsKey("Reserves"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Teams_read_back_equal(bool tracking)
    {
        await using var context = fixture.CreateContext();
        var query = tracking ? context.Teams : context.Teams.AsNoTracking();

        var teams = await query.Where(t => t.Id.StartsWith("t")).ToListAsync();

        Assert.Equal(
            fixture.Teams.Select(ComplexTypesFixture.Describe).Order(StringComparer.Ordinal),
            teams.Select(ComplexTypesFixture.Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_projected_collection_reads_back_equal()
    {
        await using var context = fixture.CreateContext();

        var players = await context.Teams.Where(t => t.Id == "t1").Select(t => t.Players).SingleAsync();

        Assert.Equal(
            fixture.Teams.Single(t => t.Id == "t1").Players.Select(p => (p.Name, p.Number, p.Position?.Role)),
            players.Select(p => (p.Name, p.Number, p.Position?.Role)));
    }

    [Fact]
    public async Task Changing_a_member_of_an_element_writes_the_whole_list()
    {
        await AddAsync(NewTeam("cc-1"));
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging()))
        {
            var team = await context.Teams.SingleAsync(t => t.Id == "cc-1");
            log.Clear();

            team.Players[1].Number = 99;
            team.Players[0].Position!.Line = 5;
            await context.SaveChangesAsync();
        }

        var request = Assert.Single(log.Requests);
        Assert.Equal("UpdateItem", request.Operation);
        Assert.Equal(["players"], request.Details().ReferencedNames("UpdateExpression"));
        Assert.Equal(
            "L[M{Name=S:Ann, Nicknames=L[S:A], Position=M{Line=N:5, Role=S:forward}, no=N:9}, M{Name=S:Ben, Nicknames=L[], no=N:99}]",
            Attr.Text((await fixture.GetRawItemAsync("Teams", ("Id", Attr.S("cc-1"))))!["players"]));
    }

    [Fact]
    public async Task Adding_removing_and_reordering_elements_is_saved_and_read_back()
    {
        await AddAsync(NewTeam("cc-2"));
        await using (var context = fixture.CreateContext())
        {
            var team = await context.Teams.SingleAsync(t => t.Id == "cc-2");
            team.Players.RemoveAt(0);
            team.Players.Add(ComplexTypesFixture.Player("Zed", 30, "keeper", 0, "Z"));
            team.Players.Insert(0, ComplexTypesFixture.Player("Amy", 2));
            team.Players[2].Nicknames.Add("Zeddy");
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var team = await context.Teams.SingleAsync(t => t.Id == "cc-2");
            Assert.Equal("cc-2|Team cc-2|[Amy#2()@none, Ben#4()@none, Zed#30(Z+Zeddy)@keeper/0]|[Res#50()@none]", ComplexTypesFixture.Describe(team));
            Assert.Equal(EntityState.Unchanged, context.Entry(team).State);
        }
    }

    [Fact]
    public async Task An_optional_collection_set_to_null_is_removed_and_set_again_is_written()
    {
        await AddAsync(NewTeam("cc-3"));
        await using (var context = fixture.CreateContext())
        {
            (await context.Teams.SingleAsync(t => t.Id == "cc-3")).Reserves = null;
            await context.SaveChangesAsync();
        }

        Assert.False((await fixture.GetRawItemAsync("Teams", ("Id", Attr.S("cc-3"))))!.ContainsKey("Reserves"));
        await using (var context = fixture.CreateContext())
        {
            var team = await context.Teams.SingleAsync(t => t.Id == "cc-3");
            Assert.Null(team.Reserves);
            team.Reserves = [ComplexTypesFixture.Player("New", 77, "sub", 4)];
            await context.SaveChangesAsync();
        }

        Assert.Equal(
            "L[M{Name=S:New, Nicknames=L[], Number=N:77, Position=M{Line=N:4, Role=S:sub}}]",
            Attr.Text((await fixture.GetRawItemAsync("Teams", ("Id", Attr.S("cc-3"))))!["Reserves"]));
    }

    [Fact]
    public async Task Clearing_a_required_collection_stores_an_empty_list()
    {
        await AddAsync(NewTeam("cc-4"));
        await using (var context = fixture.CreateContext())
        {
            (await context.Teams.SingleAsync(t => t.Id == "cc-4")).Players.Clear();
            await context.SaveChangesAsync();
        }

        Assert.Equal("L[]", Attr.Text((await fixture.GetRawItemAsync("Teams", ("Id", Attr.S("cc-4"))))!["players"]));
        await using (var context = fixture.CreateContext())
        {
            Assert.Empty((await context.Teams.SingleAsync(t => t.Id == "cc-4")).Players);
        }
    }

    [Fact]
    public async Task Reading_an_entity_and_saving_without_changes_sends_nothing()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        await context.Teams.Where(t => t.Id.StartsWith("t")).ToListAsync();
        log.Clear();

        Assert.Equal(0, await context.SaveChangesAsync());
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task A_filter_inside_a_complex_collection_is_checked_on_the_returned_items()
    {
        await using var context = fixture.CreateContext();

        // Other tests of the class add teams "cc-…": the seeded ones start with "t".
        var teams = await context.Teams.Where(t => t.Id.StartsWith("t") && t.Players.Any(p => p.Number == 9)).ToListAsync();

        Assert.Equal(
            fixture.Teams.Where(t => t.Players.Any(p => p.Number == 9)).Select(ComplexTypesFixture.Describe).Order(StringComparer.Ordinal),
            teams.Select(ComplexTypesFixture.Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_filter_on_a_top_level_member_returns_teams_with_their_collections()
    {
        await using var context = fixture.CreateContext();

        var teams = await context.Teams.Where(t => t.Id.StartsWith("t") && t.Name != "Owls").ToListAsync();

        Assert.Equal(
            fixture.Teams.Where(t => t.Name != "Owls").Select(ComplexTypesFixture.Describe).Order(StringComparer.Ordinal),
            teams.Select(ComplexTypesFixture.Describe).Order(StringComparer.Ordinal));
    }

    private async Task AddAsync(Team team)
    {
        await using var context = fixture.CreateContext();
        context.Teams.Add(team);
        await context.SaveChangesAsync();
    }

    private static Team NewTeam(string id)
        => new()
        {
            Id = id,
            Name = "Team " + id,
            Players = [ComplexTypesFixture.Player("Ann", 9, "forward", 1, "A"), ComplexTypesFixture.Player("Ben", 4)],
            Reserves = [ComplexTypesFixture.Player("Res", 50)],
        };
}
