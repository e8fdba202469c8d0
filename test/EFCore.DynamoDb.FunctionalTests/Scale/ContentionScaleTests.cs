using System.Diagnostics;
using EFCore.DynamoDb.FunctionalTests.Concurrency;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace EFCore.DynamoDb.FunctionalTests.Scale;

/// <summary>
/// Contention at scale: 16 contexts increment one counter at once with optimistic concurrency (read, increment, save
/// conditioned on the row version, on a conflict read again and retry): the counter ends at exactly the number of
/// increments, and its row version counts every write. 1,000 increments per context at full size
/// (<see cref="ScaleSize" />).
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ContentionScaleTests(ConcurrencyFixture fixture, ITestOutputHelper output) : IClassFixture<ConcurrencyFixture>
{
    private const int Contexts = 16;

    [Fact]
    public async Task Sixteen_contexts_incrementing_one_counter_optimistically_end_exact()
    {
        var increments = ScaleSize.Of(full: 1000, reduced: 15);
        var id = "contention-" + Guid.NewGuid().ToString("N")[..8];
        await using (var seeding = fixture.CreateContext())
        {
            seeding.Counters.Add(new Counter { Id = id });
            await seeding.SaveChangesAsync();
        }

        var conflicts = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Contexts).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < increments; i++)
            {
                while (true)
                {
                    await using var context = fixture.CreateContext();
                    var counter = await context.Counters.SingleAsync(c => c.Id == id);
                    counter.Value++;
                    try
                    {
                        await context.SaveChangesAsync();
                        break;
                    }
                    catch (DbUpdateConcurrencyException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })));
        stopwatch.Stop();

        await using var reading = fixture.CreateContext();
        var final = await reading.Counters.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(Contexts * increments, final.Value);
        Assert.Equal((Contexts * increments) + 1, final.Version);
        output.WriteLine(
            $"contention: {Contexts} contexts x {increments} increments = {final.Value} in {stopwatch.Elapsed.TotalSeconds:F1} s, "
            + $"{conflicts} conflicts retried ({(double)conflicts / final.Value:F2} per increment)");
    }
}
