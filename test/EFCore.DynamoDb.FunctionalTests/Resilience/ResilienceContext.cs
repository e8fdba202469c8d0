using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>The model of the retry and cancellation tests.</summary>
public class ResilienceContext(DbContextOptions<ResilienceContext> options) : DbContext(options)
{
    public DbSet<Parcel> Parcels => Set<Parcel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Parcel>(b =>
        {
            b.HasPartitionKey(p => p.Shard);
            b.HasSortKey(p => p.Seq);
        });
}
