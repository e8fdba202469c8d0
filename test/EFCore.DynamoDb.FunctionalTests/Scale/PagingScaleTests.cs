using System.Diagnostics;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.FunctionalTests.Resilience;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace EFCore.DynamoDb.FunctionalTests.Scale;

/// <summary>
/// Memory at scale: a partition of many items read page by page with <c>ToPageAsync</c> (no tracking), each page
/// continuing from the last one's token, and counted: every item is read once, and the managed heap after a
/// collection stays flat however many pages were read (nothing is kept from page to page). 100,000 items at full size
/// (<see cref="ScaleSize" />).
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class PagingScaleTests(ResilienceFixture fixture, ITestOutputHelper output) : IClassFixture<ResilienceFixture>
{
    private const int PageSize = 1000;

    // Far above what one page holds (a few hundred KB), far below what keeping the items read would take.
    private const long FlatHeapBound = 16 * 1024 * 1024;

    [Fact]
    public async Task Paging_through_a_large_partition_reads_each_item_once_with_a_flat_heap()
    {
        var count = ScaleSize.Of(full: 100_000, reduced: 5_000);
        var shard = "paging-" + Guid.NewGuid().ToString("N")[..8];
        await using (var seeding = fixture.CreateContext())
        {
            await seeding.Parcels.BatchPutAsync(Enumerable.Range(1, count).Select(seq => new Parcel { Shard = shard, Seq = seq, Payload = "payload " + seq, Weight = seq }));
        }

        await using var context = fixture.CreateContext();
        var heaps = new List<long>();
        var sampleEvery = Math.Max(1, count / PageSize / 10) * PageSize;
        var read = 0;
        long seqSum = 0;
        string? token = null;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        do
        {
            var page = await context.Parcels.AsNoTracking().Where(p => p.Shard == shard).ToPageAsync(PageSize, token);
            read += page.Values.Count;
            seqSum += page.Values.Sum(p => (long)p.Seq);
            token = page.ContinuationToken;
            if (heaps.Count == 0 || read % sampleEvery == 0 || token is null)
            {
                heaps.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
        }
        while (token is not null);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal(count, read);
        Assert.Equal((long)count * (count + 1) / 2, seqSum);
        Assert.Empty(context.ChangeTracker.Entries());
        Assert.InRange(heaps.Max() - heaps[0], long.MinValue, FlatHeapBound);
        output.WriteLine(
            $"paging: {read} items in pages of {PageSize} in {stopwatch.Elapsed.TotalSeconds:F1} s; heap after GC {heaps[0] / 1024 / 1024.0:F1} MB "
            + $"after the first page, at most {heaps.Max() / 1024 / 1024.0:F1} MB, {heaps[^1] / 1024 / 1024.0:F1} MB at the end "
            + $"({heaps.Count} samples); {allocated / (double)read:F0} bytes allocated per item read");
    }
}
