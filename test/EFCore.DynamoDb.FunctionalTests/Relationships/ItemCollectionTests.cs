using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>
/// Item collections (an account and its entries under one partition key of one table): <c>Include</c> of the entries
/// of an account read by its partition key is ONE Query of the partition, which returns the account and its entries
/// together (told apart by the discriminator), fixed up both ways; over a Scan of several accounts the entries are a
/// Query per account's partition.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ItemCollectionTests(ItemCollectionFixture fixture) : IClassFixture<ItemCollectionFixture>
{
    [Theory]
    [InlineData("A#1")]
    [InlineData("A#2")]
    [InlineData("A#3")]
    public async Task Include_of_the_partition_s_entries_is_one_Query_returning_the_account_with_exactly_its_entries(string pk)
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var account = await context.Accounts.Where(a => a.Pk == pk).Include(a => a.Entries).SingleAsync();

        var expected = fixture.Accounts.Single(a => a.Pk == pk);
        Assert.Equal(expected.ToString(), account.ToString());
        Assert.Equal(expected.Entries.Select(e => e.ToString()), account.Entries.Select(e => e.ToString()));
        Assert.All(account.Entries, e => Assert.Same(account, e.Account));
        Assert.True(context.Entry(account).Collection(a => a.Entries).IsLoaded);
        Assert.Equal(expected.Entries.Count + 1, context.ChangeTracker.Entries().Count());
        Assert.Equal(["Query"], log.Operations);
        Assert.EndsWith("Ledger", Assert.Single(log.Requests).TableName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Include_of_an_account_read_by_its_whole_key_is_one_Query_of_its_partition()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var account = await context.Accounts.Where(a => a.Pk == "A#2" && a.Sk == "PROFILE").Include(a => a.Entries).SingleAsync();

        Assert.Equal(fixture.Accounts[1].Entries.Select(e => e.ToString()), account.Entries.Select(e => e.ToString()));
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public async Task Include_without_tracking_fills_the_entries_and_their_account_from_one_Query()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var account = await context.Accounts.AsNoTracking().Where(a => a.Pk == "A#1").Include(a => a.Entries).SingleAsync();

        Assert.Equal(fixture.Accounts[0].Entries.Select(e => e.ToString()), account.Entries.Select(e => e.ToString()));
        Assert.All(account.Entries, e => Assert.Same(account, e.Account));
        Assert.Empty(context.ChangeTracker.Entries());
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public async Task An_account_its_own_condition_rejects_brings_no_entries_along()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var accounts = await context.Accounts.Where(a => a.Pk == "A#1" && a.Owner == "Nobody").Include(a => a.Entries).ToListAsync();

        Assert.Empty(accounts);
        Assert.Empty(context.ChangeTracker.Entries());
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public async Task Count_of_the_entries_in_a_projection_is_one_Query()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Accounts.Where(a => a.Pk == "A#1").Select(a => new { a.Owner, Count = a.Entries.Count() }).SingleAsync();

        Assert.Equal(("Ada", 12), (actual.Owner, actual.Count));
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public async Task Include_over_a_Scan_of_the_accounts_queries_each_account_s_partition()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var accounts = await context.Accounts.Include(a => a.Entries).ToListAsync();

        Assert.Equal(
            fixture.Accounts.Select(a => a + ": " + string.Join(",", a.Entries.Select(e => e.Sk))).Order(),
            accounts.Select(a => a + ": " + string.Join(",", a.Entries.Select(e => e.Sk))).Order());
        Assert.All(accounts.SelectMany(a => a.Entries.Select(e => (a, e))), p => Assert.Same(p.a, p.e.Account));
        Assert.Equal(["Scan", "Query", "Query", "Query"], log.Operations);
    }

    [Fact]
    public async Task ToQueryString_shows_the_one_Query_of_the_partition()
    {
        await using var context = fixture.CreateContext();

        var text = context.Accounts.Where(a => a.Pk == "A#1").Include(a => a.Entries).ToQueryString();

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "\"KeyConditionExpression\""));
        Assert.Contains("No request of its own", text, StringComparison.Ordinal);
    }
}
