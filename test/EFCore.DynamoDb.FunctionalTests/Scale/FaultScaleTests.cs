using System.Diagnostics;
using System.Globalization;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.FunctionalTests.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Xunit.Abstractions;

namespace EFCore.DynamoDb.FunctionalTests.Scale;

/// <summary>
/// Faults at scale: a save under <c>AutoTransactionBehavior.Never</c> while a fifth of the PutItem calls are
/// throttled or fail with a server error, some of them after DynamoDB applied the write (a lost answer): every item
/// is stored exactly once with its values, and the save reports no duplicate. 10,000 entities at full size
/// (<see cref="ScaleSize" />).
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class FaultScaleTests(ResilienceFixture fixture, ITestOutputHelper output) : IClassFixture<ResilienceFixture>
{
    private static readonly InjectedFault[] Faults =
    [
        InjectedFault.Throttling,
        InjectedFault.ProvisionedThroughputExceeded,
        InjectedFault.InternalServerError,
        InjectedFault.LostResponse,
    ];

    [Fact]
    public async Task A_save_under_Never_with_a_fifth_of_the_calls_failing_writes_each_item_exactly_once()
    {
        var count = ScaleSize.Of(full: 10_000, reduced: 1_000);
        var parcels = FaultTestParcels.NewParcels(FaultTestParcels.NewShard("scale"), count);
        var shard = parcels[0].Shard;
        using var faults = new FaultInjectingHandler(0.2, seed: 41, Faults) { Targets = operation => operation == "PutItem" };
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(
            client,
            FaultTestParcels.PatientFastRetries,
            dynamoDb: d => d.MaxConcurrentWrites(64));
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Parcels.AddRange(parcels);

        var stopwatch = Stopwatch.StartNew();
        Assert.Equal(count, await context.SaveChangesAsync());
        stopwatch.Stop();

        Assert.All(Faults, fault => Assert.InRange(faults.Injected(fault), 1, int.MaxValue));
        var stored = (await fixture.ScanRawAsync("Parcels")).Where(item => item["Shard"].S == shard).ToList();
        Assert.Equal(count, stored.Count);
        Assert.Equal(
            parcels.ToDictionary(p => p.Seq, p => p.Weight.ToString(CultureInfo.InvariantCulture) + "/" + p.Payload),
            stored.ToDictionary(item => int.Parse(item["Seq"].N, CultureInfo.InvariantCulture), item => item["Weight"].N + "/" + item["Payload"].S));
        output.WriteLine(
            $"faults: {count} entities under Never in {stopwatch.Elapsed.TotalSeconds:F1} s; {faults.Count("PutItem")} PutItem calls, "
            + $"{faults.InjectedTotal} faults ({faults.Injected(InjectedFault.LostResponse)} lost answers of applied writes); each item stored once");
    }
}
