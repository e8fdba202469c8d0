using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>
/// Saves and queries against DynamoDB Local that meet throttling and server errors (answered by
/// <see cref="FaultInjectingHandler" /> with the SDK's own retries off) and succeed through the provider's
/// execution strategy: the failed request is sent again, nothing before it is repeated.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class RetryTests(ResilienceFixture fixture) : IClassFixture<ResilienceFixture>
{
    // Retries after 0, then 10 ms: EF's backoff, bounded small so the tests stay fast.
    private static IExecutionStrategy FastRetries(ExecutionStrategyDependencies dependencies)
        => new DynamoDbExecutionStrategy(dependencies, 3, TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task A_save_succeeds_after_its_PutItem_was_throttled()
    {
        using var handler = new FaultInjectingHandler().Fail("PutItem", 2, InjectedFault.ProvisionedThroughputExceeded);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FastRetries);
        context.Parcels.Add(new Parcel { Shard = "saved", Seq = 1, Weight = 7 });

        Assert.Equal(1, await context.SaveChangesAsync());

        Assert.Equal(3, handler.Count("PutItem"));
        var item = await fixture.GetRawItemAsync("Parcels", ("Shard", new AttributeValue { S = "saved" }), ("Seq", new AttributeValue { N = "1" }));
        Assert.Equal("7", item?["Weight"].N);
    }

    [Fact]
    public async Task A_transactional_save_succeeds_after_server_errors()
    {
        using var handler = new FaultInjectingHandler().Fail("TransactWriteItems", 2, InjectedFault.InternalServerError);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FastRetries);
        context.Parcels.AddRange(new Parcel { Shard = "saved", Seq = 10 }, new Parcel { Shard = "saved", Seq = 11 });

        Assert.Equal(2, await context.SaveChangesAsync());

        Assert.Equal(3, handler.Count("TransactWriteItems"));
        Assert.NotNull(await fixture.GetRawItemAsync("Parcels", ("Shard", new AttributeValue { S = "saved" }), ("Seq", new AttributeValue { N = "10" })));
        Assert.NotNull(await fixture.GetRawItemAsync("Parcels", ("Shard", new AttributeValue { S = "saved" }), ("Seq", new AttributeValue { N = "11" })));
    }

    [Fact]
    public async Task The_default_strategy_retries_without_any_configuration()
    {
        using var handler = new FaultInjectingHandler().Fail("PutItem", 1, InjectedFault.InternalServerError);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client);
        context.Parcels.Add(new Parcel { Shard = "saved", Seq = 20 });

        Assert.Equal(1, await context.SaveChangesAsync());

        Assert.Equal(2, handler.Count("PutItem"));
    }

    [Fact]
    public async Task A_save_gives_up_after_the_max_retry_count_and_writes_nothing()
    {
        using var handler = new FaultInjectingHandler().Fail("PutItem", 100, InjectedFault.ProvisionedThroughputExceeded);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, d => new DynamoDbExecutionStrategy(d, 2, TimeSpan.FromMilliseconds(10)));
        context.Parcels.Add(new Parcel { Shard = "saved", Seq = 30 });

        var exception = await Assert.ThrowsAsync<RetryLimitExceededException>(() => context.SaveChangesAsync());

        Assert.IsType<ProvisionedThroughputExceededException>(exception.InnerException?.InnerException);
        Assert.Equal(3, handler.Count("PutItem"));
        Assert.Null(await fixture.GetRawItemAsync("Parcels", ("Shard", new AttributeValue { S = "saved" }), ("Seq", new AttributeValue { N = "30" })));
    }

    [Fact]
    public async Task A_multi_page_query_reads_a_failed_page_again_without_repeating_rows()
    {
        var log = new RequestLog();
        using var handler = new FaultInjectingHandler().Fail("Query", 2, InjectedFault.InternalServerError, skip: 1);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FastRetries, log);

        var parcels = await context.Parcels.Where(p => p.Shard == "big").Select(p => p.Seq).ToListAsync();

        Assert.Equal(Enumerable.Range(1, ResilienceFixture.LargeParcels), parcels);
        var pages = log.Operations.Count(o => o == "Query");
        Assert.True(pages >= 2, $"The query read {pages} page(s).");
        Assert.Equal(pages + 2, handler.Count("Query"));
    }

    [Fact]
    public async Task FindAsync_succeeds_after_its_GetItem_was_throttled()
    {
        using var handler = new FaultInjectingHandler().Fail("GetItem", 2, InjectedFault.ProvisionedThroughputExceeded);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FastRetries);

        var parcel = await context.Parcels.FindAsync("small", 2);

        Assert.Equal(20, parcel?.Weight);
        Assert.Equal(3, handler.Count("GetItem"));
    }

    [Fact]
    public async Task A_count_over_a_scan_succeeds_after_server_errors()
    {
        using var handler = new FaultInjectingHandler().Fail("Scan", 2, InjectedFault.InternalServerError);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FastRetries);

        var count = await context.Parcels.CountAsync(p => p.Weight >= 10);

        Assert.Equal(ResilienceFixture.SmallParcels + 1, count);
        Assert.True(handler.Count("Scan") >= 3);
    }
}
