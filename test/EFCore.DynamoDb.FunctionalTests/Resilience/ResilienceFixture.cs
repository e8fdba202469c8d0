using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>
/// 10 parcels of 150 KB in the shard "big" (1.5 MB: a Query reads them in more than one 1 MB page) and 4 small ones
/// in the shard "small". Tests write shards of their own, mostly through a <see cref="FaultInjectingHandler" />.
/// </summary>
public sealed class ResilienceFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<ResilienceContext>(server)
{
    /// <summary>The number of large parcels.</summary>
    public const int LargeParcels = 10;

    /// <summary>The number of small parcels.</summary>
    public const int SmallParcels = 4;

    /// <inheritdoc />
    protected override async Task SeedAsync(ResilienceContext context)
    {
        // A transaction holds at most 4 MB: save a few large parcels at a time.
        foreach (var parcels in Enumerable.Range(1, LargeParcels).Select(seq => new Parcel { Shard = "big", Seq = seq, Payload = new string('p', 150_000), Weight = seq }).Chunk(5))
        {
            context.Parcels.AddRange(parcels);
            await context.SaveChangesAsync();
            context.ChangeTracker.Clear();
        }

        context.Parcels.AddRange(Enumerable.Range(1, SmallParcels).Select(seq => new Parcel { Shard = "small", Seq = seq, Payload = "small", Weight = seq * 10 }));
        await context.SaveChangesAsync();
    }
}
