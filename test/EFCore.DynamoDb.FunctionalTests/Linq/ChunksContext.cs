using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>The model of the multi-page tests.</summary>
public class ChunksContext(DbContextOptions<ChunksContext> options) : DbContext(options)
{
    public DbSet<Chunk> Chunks => Set<Chunk>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Chunk>(b =>
        {
            b.HasPartitionKey(c => c.Shard);
            b.HasSortKey(c => c.Seq);
        });
}
