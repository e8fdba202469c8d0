using EFCore.DynamoDb.Tests.TestUtilities;
using Amazon.DynamoDBv2;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TimeToLive;

/// <summary>
/// Time to live against DynamoDB Local: DateTime, DateTimeOffset and long properties stored as N epoch seconds
/// and read back (in UTC, to the second); EnsureCreated enables the table's TTL on the right attribute;
/// <c>ExcludeExpiredItems()</c> leaves expired items out of Scans, Queries, lookups and counts while items without
/// the attribute stay visible, and without it every item is returned.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class TimeToLiveTests(TimeToLiveFixture fixture) : IClassFixture<TimeToLiveFixture>
{
    [Fact]
    public async Task A_DateTime_is_stored_as_whole_epoch_seconds()
    {
        var item = await fixture.GetRawItemAsync("Sessions", ("Id", Attr.S("fixed")));

        Assert.Equal("N:" + TimeToLiveFixture.FixedSeconds, AttributeValueText.Of(item!["ExpiresAt"]));
    }

    [Fact]
    public async Task A_DateTimeOffset_is_stored_as_the_epoch_seconds_of_its_instant()
    {
        var item = await fixture.GetRawItemAsync("Tokens", ("Id", Attr.S("fixed")));

        Assert.Equal("N:" + TimeToLiveFixture.FixedSeconds, AttributeValueText.Of(item!["ExpiresAt"]));
    }

    [Fact]
    public async Task A_long_is_stored_as_it_is_under_its_attribute_name()
    {
        var item = await fixture.GetRawItemAsync("Leases", ("Owner", Attr.S("fixed")), ("Id", Attr.S("fixed")));

        Assert.Equal("N:" + TimeToLiveFixture.FixedSeconds, AttributeValueText.Of(item!["ttl"]));
        Assert.DoesNotContain("Expires", item.Keys);
    }

    [Fact]
    public async Task A_null_time_to_live_is_not_stored()
        => Assert.DoesNotContain("ExpiresAt", (await fixture.GetRawItemAsync("Tokens", ("Id", Attr.S("none"))))!.Keys);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Time_to_live_values_read_back_in_UTC_to_the_second(bool tracking)
    {
        await using var context = fixture.CreateContext();
        context.ChangeTracker.QueryTrackingBehavior = tracking ? QueryTrackingBehavior.TrackAll : QueryTrackingBehavior.NoTracking;

        var session = (await context.Sessions.FindAsync("fixed"))!;
        var token = (await context.Tokens.FindAsync("fixed"))!;
        var lease = (await context.Leases.FindAsync("fixed", "fixed"))!;

        Assert.Equal(TimeToLiveFixture.Fixed, session.ExpiresAt);
        Assert.Equal(DateTimeKind.Utc, session.ExpiresAt.Kind);
        Assert.Equal(new DateTimeOffset(TimeToLiveFixture.Fixed), token.ExpiresAt);
        Assert.Equal(TimeSpan.Zero, token.ExpiresAt!.Value.Offset);
        Assert.Equal(TimeToLiveFixture.FixedSeconds, lease.Expires);
    }

    [Fact]
    public async Task Seeded_relative_times_read_back_to_the_second()
    {
        await using var context = fixture.CreateContext();

        var session = (await context.Sessions.FindAsync("future"))!;

        Assert.Equal(TruncateToSecond(fixture.Future), session.ExpiresAt);
    }

    [Fact]
    public async Task EnsureCreated_enables_time_to_live_on_each_tables_attribute_once()
    {
        var prefix = DynamoDbContextFixture<TimeToLiveContext>.NewTableNamePrefix();
        var log = new RequestLog();
        var options = new DbContextOptionsBuilder<TimeToLiveContext>()
            .UseDynamoDb(d => d.ServiceUrl(fixture.Server.ServiceUrl).TableNamePrefix(prefix))
            .ForTests();
        log.AttachTo(options);
        await using var context = new TimeToLiveContext(options.Options);
        try
        {
            Assert.True(await context.Database.EnsureCreatedAsync());

            foreach (var (table, attribute) in new[] { ("Sessions", "ExpiresAt"), ("Tokens", "ExpiresAt"), ("Leases", "ttl") })
            {
                var description = (await fixture.RawClient.DescribeTimeToLiveAsync(prefix + table)).TimeToLiveDescription;
                Assert.Equal(TimeToLiveStatus.ENABLED, description.TimeToLiveStatus);
                Assert.Equal(attribute, description.AttributeName);
            }

            Assert.Equal(3, log.Operations.Count(o => o == "UpdateTimeToLive"));
            log.Clear();

            Assert.False(await context.Database.EnsureCreatedAsync());
            Assert.DoesNotContain("UpdateTimeToLive", log.Operations);
        }
        finally
        {
            await context.Database.EnsureDeletedAsync();
        }
    }

    [Fact]
    public void GetCreateTableRequests_define_no_time_to_live_attribute()
    {
        using var context = fixture.CreateContext();

        var requests = context.Database.GetCreateTableRequests();

        Assert.Equal(
            ["Id", "Id", "Id", "Owner"],
            requests.SelectMany(r => r.AttributeDefinitions).Select(d => d.AttributeName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_ExcludeExpiredItems_expired_items_are_returned()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(["fixed", "future", "past", "raw-past"], await SessionIdsAsync(context.Sessions));
        Assert.Equal(["fixed", "future", "none", "past"], (await context.Tokens.ToListAsync()).Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["future", "none", "past"], (await context.Leases.Where(l => l.Owner == "o").ToListAsync()).Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.NotNull(await context.Sessions.FindAsync("past"));
        Assert.NotNull(await context.Leases.FindAsync("o", "past"));
    }

    [Fact]
    public async Task ExcludeExpiredItems_leaves_expired_items_out_of_a_Scan()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateExcludingContext(log);

        var sessions = await SessionIdsAsync(context.Sessions);
        var tokens = (await context.Tokens.ToListAsync()).Select(t => t.Id).Order(StringComparer.Ordinal);

        Assert.Equal(["fixed", "future"], sessions);
        Assert.Equal(["fixed", "future", "none"], tokens);
        Assert.Equal(["Scan"], log.Operations.Distinct());
    }

    [Fact]
    public async Task ExcludeExpiredItems_leaves_expired_items_out_of_a_Query()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateExcludingContext(log);

        var leases = await context.Leases.Where(l => l.Owner == "o").ToListAsync();

        Assert.Equal(["future", "none"], leases.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public async Task ExcludeExpiredItems_leaves_expired_items_out_of_FindAsync()
    {
        await using var context = fixture.CreateExcludingContext();

        Assert.Null(await context.Sessions.FindAsync("past"));
        Assert.Null(await context.Sessions.FindAsync("raw-past"));
        Assert.Null(await context.Tokens.FindAsync("past"));
        Assert.Null(await context.Leases.FindAsync("o", "past"));
        Assert.NotNull(await context.Sessions.FindAsync("future"));
        Assert.NotNull(await context.Tokens.FindAsync("none"));
        Assert.NotNull(await context.Leases.FindAsync("o", "none"));
        Assert.NotNull(await context.Leases.FindAsync("o", "future"));
    }

    [Fact]
    public async Task ExcludeExpiredItems_leaves_expired_items_out_of_counts_and_filters()
    {
        await using var context = fixture.CreateExcludingContext();

        Assert.Equal(2, await context.Sessions.CountAsync());
        Assert.Equal(1, await context.Leases.CountAsync(l => l.Owner == "o" && l.Id != "none"));
        Assert.False(await context.Tokens.AnyAsync(t => t.Id == "past"));
        Assert.Equal(["future"], (await context.Sessions.Where(s => s.Id != "fixed").ToListAsync()).Select(s => s.Id));
    }

    [Fact]
    public async Task An_item_saved_with_a_past_time_to_live_is_left_out_at_once()
    {
        await using (var context = fixture.CreateContext())
        {
            context.Leases.Add(new Lease { Owner = "saved", Id = "expired", Expires = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds() });
            context.Leases.Add(new Lease { Owner = "saved", Id = "alive", Expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds() });
            await context.SaveChangesAsync();
        }

        await using var excluding = fixture.CreateExcludingContext();
        Assert.Equal(["alive"], (await excluding.Leases.Where(l => l.Owner == "saved").ToListAsync()).Select(l => l.Id));
        await using var including = fixture.CreateContext();
        Assert.Equal(["alive", "expired"], (await including.Leases.Where(l => l.Owner == "saved").ToListAsync()).Select(l => l.Id));
    }

    [Fact]
    public async Task Updating_the_time_to_live_writes_new_epoch_seconds()
    {
        await using (var context = fixture.CreateContext())
        {
            context.Sessions.Add(new Session { Id = "update", ExpiresAt = TimeToLiveFixture.Fixed });
            await context.SaveChangesAsync();
            context.Sessions.Local.Single(s => s.Id == "update").ExpiresAt = TimeToLiveFixture.Fixed.AddDays(1);
            await context.SaveChangesAsync();
        }

        var item = await fixture.GetRawItemAsync("Sessions", ("Id", Attr.S("update")));
        Assert.Equal("N:" + (TimeToLiveFixture.FixedSeconds + 86400), AttributeValueText.Of(item!["ExpiresAt"]));
        await using (var context = fixture.CreateContext())
        {
            var session = await context.Sessions.FindAsync("update");
            context.Sessions.Remove(session!);
            await context.SaveChangesAsync();
        }
    }

    private static async Task<List<string>> SessionIdsAsync(IQueryable<Session> sessions)
        => (await sessions.Where(s => s.Id != "update").ToListAsync()).Select(s => s.Id).Order(StringComparer.Ordinal).ToList();

    private static DateTime TruncateToSecond(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
