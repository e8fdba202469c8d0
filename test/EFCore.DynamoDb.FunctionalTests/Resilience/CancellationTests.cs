using System.Diagnostics;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>
/// Every read and write path against DynamoDB Local honours its CancellationToken: a token cancelled before the
/// call sends nothing, a multi-page query stops before its next page, and a retry delay ends at once.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class CancellationTests(ResilienceFixture fixture) : IClassFixture<ResilienceFixture>
{
    private static readonly CancellationToken Cancelled = new(canceled: true);

    public static TheoryData<string> Paths =>
    [
        "FindAsync",
        "GetItem",
        "Query",
        "Scan",
        "ToPageAsync",
        "FirstOrDefaultAsync",
        "CountAsync",
        "SumAsync",
        "MaxAsync on the sort key",
        "SaveChangesAsync of one entity",
        "SaveChangesAsync of a transaction",
        "SaveChangesAsync with AutoTransactionBehavior.Never",
        "EnsureCreatedAsync",
        "EnsureDeletedAsync",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_token_cancelled_before_the_call_throws_and_sends_nothing(string path)
    {
        using var handler = new FaultInjectingHandler();
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        // Tables of their own for EnsureCreated and EnsureDeleted: the fixture's stay whatever these do.
        await using var context = fixture.CreateContext(
            client,
            tableNamePrefix: path.StartsWith("Ensure", StringComparison.Ordinal) ? ResilienceFixture.NewTableNamePrefix() : null);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(context, path));

        Assert.Empty(handler.Operations);
    }

    private static Task Run(ResilienceContext context, string path)
    {
        switch (path)
        {
            case "FindAsync":
                return context.Parcels.FindAsync(new object[] { "small", 1 }, Cancelled).AsTask();
            case "GetItem":
                return context.Parcels.Where(p => p.Shard == "small" && p.Seq == 1).ToListAsync(Cancelled);
            case "Query":
                return context.Parcels.Where(p => p.Shard == "big").ToListAsync(Cancelled);
            case "Scan":
                return context.Parcels.Where(p => p.Weight > 1).ToListAsync(Cancelled);
            case "ToPageAsync":
                return context.Parcels.Where(p => p.Shard == "big").ToPageAsync(2, null, Cancelled);
            case "FirstOrDefaultAsync":
                return context.Parcels.FirstOrDefaultAsync(p => p.Shard == "small", Cancelled);
            case "CountAsync":
                return context.Parcels.CountAsync(Cancelled);
            case "SumAsync":
                return context.Parcels.Where(p => p.Shard == "small").SumAsync(p => p.Weight, Cancelled);
            case "MaxAsync on the sort key":
                return context.Parcels.Where(p => p.Shard == "small").MaxAsync(p => p.Seq, Cancelled);
            case "SaveChangesAsync of one entity":
                context.Parcels.Add(new Parcel { Shard = "cancelled", Seq = 1 });
                return context.SaveChangesAsync(Cancelled);
            case "SaveChangesAsync of a transaction":
                context.Parcels.AddRange(new Parcel { Shard = "cancelled", Seq = 2 }, new Parcel { Shard = "cancelled", Seq = 3 });
                return context.SaveChangesAsync(Cancelled);
            case "SaveChangesAsync with AutoTransactionBehavior.Never":
                context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
                context.Parcels.AddRange(new Parcel { Shard = "cancelled", Seq = 4 }, new Parcel { Shard = "cancelled", Seq = 5 });
                return context.SaveChangesAsync(Cancelled);
            case "EnsureCreatedAsync":
                return context.Database.EnsureCreatedAsync(Cancelled);
            case "EnsureDeletedAsync":
                return context.Database.EnsureDeletedAsync(Cancelled);
            default:
                throw new ArgumentOutOfRangeException(nameof(path), path, null);
        }
    }

    // EF Core's ToListAsync_can_be_canceled and ToListAsync_with_canceled_token specification tests: a cancelled
    // query is EF's QueryCanceled event, not QueryIterationFailed.
    [Fact]
    public async Task A_cancelled_query_logs_QueryCanceled_not_a_failure()
    {
        var events = new List<EventId>();
        await using var context = fixture.CreateContext(configure: o => o.LogTo(
            (eventId, _) => eventId == CoreEventId.QueryCanceled || eventId == CoreEventId.QueryIterationFailed,
            e => events.Add(e.EventId)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.Parcels.Where(p => p.Shard == "big").ToListAsync(Cancelled));

        Assert.Equal([CoreEventId.QueryCanceled], events);
    }

    [Fact]
    public async Task Cancelling_during_a_multi_page_query_stops_before_the_next_page()
    {
        using var handler = new FaultInjectingHandler();
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client);
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in context.Parcels.Where(p => p.Shard == "big").AsAsyncEnumerable().WithCancellation(cancellation.Token))
            {
                read++;
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(1, handler.Count("Query"));
        Assert.InRange(read, 1, ResilienceFixture.LargeParcels - 1);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_delay_ends_a_save_at_once()
    {
        using var handler = new FaultInjectingHandler().Fail("PutItem", 100, InjectedFault.ProvisionedThroughputExceeded);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        // EF's backoff retries at once, then after about 1 s, 3 s, 7 s…: without cancellation this save takes minutes.
        await using var context = fixture.CreateContext(client, d => new DynamoDbExecutionStrategy(d, 20, TimeSpan.FromMinutes(1)));
        context.Parcels.Add(new Parcel { Shard = "cancelled", Seq = 10 });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.SaveChangesAsync(cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"The save ended after {stopwatch.Elapsed}.");
        Assert.InRange(handler.Count("PutItem"), 1, 3);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_delay_ends_a_query_at_once()
    {
        using var handler = new FaultInjectingHandler().Fail("Query", 100, InjectedFault.InternalServerError);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, d => new DynamoDbExecutionStrategy(d, 20, TimeSpan.FromMinutes(1)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.Parcels.Where(p => p.Shard == "small").ToListAsync(cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"The query ended after {stopwatch.Elapsed}.");
        Assert.InRange(handler.Count("Query"), 1, 3);
    }
}
