using EFCore.DynamoDb.FunctionalTests.ComplexTypes;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.ClientEvaluation;

/// <summary>
/// Subqueries over a complex collection's elements (a list of maps DynamoDB cannot look into) are checked on the
/// returned items, reading each element's members from its map; the results equal LINQ-to-Objects over the seed.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ComplexCollectionPredicateTests(ComplexTypesFixture fixture) : IClassFixture<ComplexTypesFixture>
{
    [Fact]
    public async Task Any_All_and_Count_over_the_elements_match_LINQ_to_Objects()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var any = await context.Teams.Where(t => t.Players.Any(p => p.Number > 5 && p.Nicknames.Count > 0)).Select(t => t.Id).ToListAsync();
        var all = await context.Teams.Where(t => t.Players.All(p => p.Position != null && p.Position.Role != "back")).Select(t => t.Id).ToListAsync();
        var count = await context.Teams.CountAsync(t => t.Players.Count(p => p.Name.StartsWith("E") || p.Name.EndsWith("n")) >= 1);
        var optional = await context.Teams.Where(t => t.Reserves!.Any()).Select(t => t.Id).ToListAsync();

        Assert.Equal(Ids(fixture.Teams.Where(t => t.Players.Any(p => p.Number > 5 && p.Nicknames.Count > 0))), any.Order(StringComparer.Ordinal));
        Assert.Equal(Ids(fixture.Teams.Where(t => t.Players.All(p => p.Position != null && p.Position.Role != "back"))), all.Order(StringComparer.Ordinal));
        Assert.Equal(fixture.Teams.Count(t => t.Players.Count(p => p.Name.StartsWith('E') || p.Name.EndsWith('n')) >= 1), count);
        Assert.Equal(Ids(fixture.Teams.Where(t => t.Reserves?.Any() == true)), optional.Order(StringComparer.Ordinal));
        Assert.All(log.Operations, o => Assert.Equal("Scan", o));
    }

    [Fact]
    public async Task A_key_lookup_checks_the_elements_of_the_one_item_it_reads()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var lions = await context.Teams.Where(t => t.Id == "t1" && t.Players.Any(p => p.Name == "Cid")).ToListAsync();
        var none = await context.Teams.Where(t => t.Id == "t1" && t.Players.Any(p => p.Name == "Zed")).ToListAsync();

        Assert.Equal(["t1"], lions.Select(t => t.Id));
        Assert.Empty(none);
        Assert.Equal(["GetItem", "GetItem"], log.Operations);
    }

    private static List<string> Ids(IEnumerable<Team> teams) => teams.Select(t => t.Id).Order(StringComparer.Ordinal).ToList();
}
