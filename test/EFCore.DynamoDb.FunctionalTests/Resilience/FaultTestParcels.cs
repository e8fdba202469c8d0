using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>What the tests that write under injected faults share: their retry policy, shards and parcels.</summary>
public static class FaultTestParcels
{
    /// <summary>Enough retries that a request failing again and again at the injected rates still gets through, after short delays.</summary>
    public static IExecutionStrategy PatientFastRetries(ExecutionStrategyDependencies dependencies)
        => new DynamoDbExecutionStrategy(dependencies, 10, TimeSpan.FromMilliseconds(20));

    /// <summary>A shard (partition) no other test writes.</summary>
    public static string NewShard(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Parcels 1 to <paramref name="count" /> of a shard, each with its own payload and weight.</summary>
    public static List<Parcel> NewParcels(string shard, int count)
        => Enumerable.Range(1, count).Select(seq => new Parcel { Shard = shard, Seq = seq, Payload = "payload " + seq, Weight = seq * 3 }).ToList();
}
