using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>
/// Item collections (an account and its entries under one partition key of one table): <c>Include</c> of the entries
/// returns the account with exactly its entries, fixed up both ways. Today that is the account's Query and then one
/// Scan of the table filtered by the accounts' keys; the single Query of the partition that returns both together is
/// not done yet.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ItemCollectionTests(ItemCollectionFixture fixture) : IClassFixture<ItemCollectionFixture>
{
    [Theory]
    [InlineData("A#1")]
    [InlineData("A#2")]
    [InlineData("A#3")]
    public async Task Include_of_the_partition_s_entries_returns_the_account_with_exactly_its_entries(string pk)
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var account = await context.Accounts.Where(a => a.Pk == pk).Include(a => a.Entries).SingleAsync();

        var expected = fixture.Accounts.Single(a => a.Pk == pk);
        Assert.Equal(expected.ToString(), account.ToString());
        Assert.Equal(expected.Entries.Select(e => e.ToString()), account.Entries.Select(e => e.ToString()).Order());
        Assert.All(account.Entries, e => Assert.Same(account, e.Account));
        Assert.True(context.Entry(account).Collection(a => a.Entries).IsLoaded);
        Assert.Equal(["Query", "Scan"], log.Operations);
    }

    [Fact]
    public async Task Include_without_tracking_fills_the_entries_and_their_account()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var account = await context.Accounts.AsNoTracking().Where(a => a.Pk == "A#1").Include(a => a.Entries).SingleAsync();

        Assert.Equal(fixture.Accounts[0].Entries.Select(e => e.ToString()), account.Entries.Select(e => e.ToString()).Order());
        Assert.All(account.Entries, e => Assert.Same(account, e.Account));
        Assert.Empty(context.ChangeTracker.Entries());
        Assert.Equal(["Query", "Scan"], log.Operations);
    }
}
