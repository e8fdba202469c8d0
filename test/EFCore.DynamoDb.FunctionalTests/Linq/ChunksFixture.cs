using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// 20 chunks of 150 KB in the shard "a" (3 MB: a Scan reads them in several 1 MB pages), 5 of them hits spread
/// over the pages, and 6 small chunks in the shard "b", 2 of them hits. Written once per test class.
/// </summary>
public sealed class ChunksFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<ChunksContext>(server)
{
    /// <summary>The size of a large chunk's payload.</summary>
    public const int LargePayload = 150_000;

    /// <summary>The sequence numbers of the hits in the shard "a".</summary>
    public static readonly int[] LargeHits = [4, 9, 11, 17, 20];

    /// <summary>The chunks as they are stored, for LINQ-to-Objects (payloads left out).</summary>
    public IReadOnlyList<Chunk> Chunks { get; } = Create(withPayload: false);

    /// <inheritdoc />
    protected override async Task SeedAsync(ChunksContext context)
    {
        // A transaction holds at most 4 MB: save a few large chunks at a time.
        foreach (var chunk in Create(withPayload: true).Chunk(5))
        {
            context.Chunks.AddRange(chunk);
            await context.SaveChangesAsync();
            context.ChangeTracker.Clear();
        }
    }

    private static List<Chunk> Create(bool withPayload)
        => Enumerable.Range(1, 20)
            .Select(seq => new Chunk
            {
                Shard = "a",
                Seq = seq,
                Payload = withPayload ? new string((char)('a' + seq % 26), LargePayload) : "",
                Hit = LargeHits.Contains(seq),
                Amount = seq * 1.25m,
                Weight = seq % 3 == 0 ? null : seq * 2,
                Ratio = seq % 4 == 0 ? null : seq / 8.0,
            })
            .Concat(Enumerable.Range(1, 6).Select(seq => new Chunk
            {
                Shard = "b",
                Seq = seq,
                Payload = withPayload ? "small" : "",
                Hit = seq is 2 or 5,
                Amount = seq * 0.5m - 1m,
                Weight = seq % 3 == 0 ? null : -seq,
                Ratio = seq % 4 == 0 ? null : seq / 4.0,
            }))
            .ToList();
}
