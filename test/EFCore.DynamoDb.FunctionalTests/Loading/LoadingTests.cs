using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Loading;

/// <summary>
/// Explicit loading (<c>Entry(…).Reference/Collection(…).LoadAsync()</c> and <c>Query()</c>) and lazy-loading
/// proxies: a reference is a GetItem, a collection a Query of the foreign key's GSI; rows and requests asserted.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class LoadingTests(LoadingFixture fixture) : IClassFixture<LoadingFixture>
{
    private const string ForeignKeyIndex = "IX_Basket_ShopperId";

    [Fact]
    public async Task Collection_load_is_one_Query_of_the_foreign_key_index_with_fix_up_both_ways()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var ann = (await context.Shoppers.FindAsync("ann"))!;
        log.Clear();

        var collection = context.Entry(ann).Collection(s => s.Baskets);
        await collection.LoadAsync();

        Assert.True(collection.IsLoaded);
        Assert.Equal(Expected("ann").Select(b => b.Id), ann.Baskets.Select(b => b.Id).Order());
        Assert.All(ann.Baskets, b => Assert.Same(ann, b.Shopper));
        var request = Assert.Single(log.Requests);
        Assert.Equal("Query", request.Operation);
        Assert.Equal(ForeignKeyIndex, request.IndexName);
    }

    [Fact]
    public async Task A_query_by_foreign_key_is_a_Query_of_its_index()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var totals = await context.Baskets.Where(b => b.ShopperId == "bob").Select(b => b.Total).ToListAsync();

        Assert.Equal(Expected("bob").Select(b => b.Total).Order(), totals.Order());
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", ForeignKeyIndex), (request.Operation, request.IndexName));
    }

    [Fact]
    public async Task Reference_load_is_one_GetItem_with_fix_up_both_ways()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var basket = (await context.Baskets.FindAsync("b4"))!;
        log.Clear();

        var reference = context.Entry(basket).Reference(b => b.Shopper);
        await reference.LoadAsync();

        Assert.True(reference.IsLoaded);
        Assert.Equal("Bob", basket.Shopper!.Name);
        Assert.Contains(basket, basket.Shopper.Baskets);
        Assert.Equal(["GetItem"], log.Operations);
    }

    [Fact]
    public async Task Query_of_a_collection_composes_into_one_Query_of_the_index()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var ann = (await context.Shoppers.FindAsync("ann"))!;
        log.Clear();

        var count = await context.Entry(ann).Collection(s => s.Baskets).Query().Where(b => b.Total > 10).CountAsync();
        var totals = await context.Entry(ann).Collection(s => s.Baskets).Query().OrderBy(b => b.Total).Select(b => b.Total).ToListAsync();

        Assert.Equal(Expected("ann").Count(b => b.Total > 10), count);
        Assert.Equal(Expected("ann").OrderBy(b => b.Total).Select(b => b.Total), totals);
        Assert.Equal(["Query", "Query"], log.Operations);
        Assert.All(log.Requests, r => Assert.Equal(ForeignKeyIndex, r.IndexName));
    }

    [Fact]
    public async Task Query_of_a_reference_is_one_GetItem()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var basket = (await context.Baskets.FindAsync("b1"))!;
        log.Clear();

        var name = await context.Entry(basket).Reference(b => b.Shopper).Query().Select(s => s.Name).SingleAsync();

        Assert.Equal("Ann", name);
        Assert.Equal(["GetItem"], log.Operations);
    }

    [Fact]
    public async Task A_detached_entity_loads_without_tracking()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var bob = await context.Shoppers.AsNoTracking().SingleAsync(s => s.Id == "bob");
        log.Clear();

        await context.Entry(bob).Collection(s => s.Baskets).LoadAsync();

        Assert.Equal(Expected("bob").Select(b => b.Id), bob.Baskets.Select(b => b.Id).Order());
        Assert.All(bob.Baskets, b => Assert.Same(bob, b.Shopper));
        Assert.Empty(context.ChangeTracker.Entries());
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", ForeignKeyIndex), (request.Operation, request.IndexName));
    }

    [Fact]
    public async Task A_principal_without_dependents_loads_an_empty_collection()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var cy = (await context.Shoppers.FindAsync("cy"))!;

        await context.Entry(cy).Collection(s => s.Baskets).LoadAsync();

        Assert.Empty(cy.Baskets);
        Assert.True(context.Entry(cy).Collection(s => s.Baskets).IsLoaded);
        Assert.Equal(["GetItem", "Query"], log.Operations);
    }

    [Fact]
    public async Task Lazy_loading_proxies_load_by_key_and_index_once_sync_is_allowed()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(
            log, o => o.UseLazyLoadingProxies().ConfigureWarnings(w => w.Log(DynamoDbEventId.SyncNotSupported)));
        var ann = (await context.Shoppers.FindAsync("ann"))!;
        var basket = (await context.Baskets.FindAsync("b4"))!;
        log.Clear();

        var ids = ann.Baskets.Select(b => b.Id).Order().ToList();
        var shopperName = basket.Shopper!.Name;
        _ = ann.Baskets.Count; // loaded once: no second request

        Assert.NotEqual(typeof(Shopper), ann.GetType());
        Assert.Equal(Expected("ann").Select(b => b.Id), ids);
        Assert.Equal("Bob", shopperName);
        Assert.Equal(["Query", "GetItem"], log.Operations);
        Assert.Equal(ForeignKeyIndex, log.Requests[0].IndexName);
    }

    [Fact]
    public async Task Lazy_loading_follows_the_sync_policy()
    {
        await using var context = fixture.CreateContext(configure: o => o.UseLazyLoadingProxies());
        var ann = (await context.Shoppers.FindAsync("ann"))!;

        var exception = Assert.Throws<InvalidOperationException>(() => ann.Baskets.Count);

        Assert.Contains(nameof(DynamoDbEventId.SyncNotSupported), exception.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Basket> Expected(string shopperId)
        => LoadingFixture.SeedBaskets.Where(b => b.ShopperId == shopperId).OrderBy(b => b.Id);
}
