using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TimeToLive;

/// <summary>
/// <c>ExcludeExpiredItems()</c> on one query, without the context option: that query leaves out the items whose time
/// to live has passed (with the option's filter, on the attribute of the table's time to live), and other queries of
/// the same context and the same shape without the call still return them.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ExcludeExpiredItemsQueryTests(TimeToLiveFixture fixture) : IClassFixture<TimeToLiveFixture>
{
    [Fact]
    public async Task ExcludeExpiredItems_on_a_Scan_leaves_expired_items_out_of_that_query_only()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var excluding = await context.Sessions.ExcludeExpiredItems().ToListAsync();
        var request = Assert.Single(log.Requests);
        var all = await context.Sessions.ToListAsync();

        Assert.Equal(["fixed", "future"], excluding.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["fixed", "future", "past", "raw-past"], all.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal("Scan", request.Operation);
        Assert.Equal(["ExpiresAt"], request.Details().ReferencedNames("FilterExpression"));
    }

    [Fact]
    public async Task ExcludeExpiredItems_on_a_Query_filters_on_the_time_to_live_attribute()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var excluding = await context.Leases.Where(l => l.Owner == "o").ExcludeExpiredItems().ToListAsync();
        var request = Assert.Single(log.Requests);
        var all = await context.Leases.Where(l => l.Owner == "o").ToListAsync();

        Assert.Equal(["future", "none"], excluding.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["future", "none", "past"], all.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.Equal("Query", request.Operation);
        Assert.Equal(["ttl"], request.Details().ReferencedNames("FilterExpression"));
    }

    [Fact]
    public async Task ExcludeExpiredItems_on_a_lookup_by_key_returns_null_for_an_expired_item()
    {
        await using var context = fixture.CreateContext();

        Assert.Null(await context.Sessions.ExcludeExpiredItems().FirstOrDefaultAsync(s => s.Id == "past"));
        Assert.NotNull(await context.Sessions.ExcludeExpiredItems().FirstOrDefaultAsync(s => s.Id == "future"));
        Assert.NotNull(await context.Sessions.FirstOrDefaultAsync(s => s.Id == "past"));
    }

    [Fact]
    public async Task ExcludeExpiredItems_counts_only_the_items_not_expired()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(2, await context.Sessions.ExcludeExpiredItems().CountAsync());
        Assert.Equal(4, await context.Sessions.CountAsync());
    }
}
