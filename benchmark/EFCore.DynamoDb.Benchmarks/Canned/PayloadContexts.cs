using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The provider's context for the flat payload.</summary>
public class FlatContext(DbContextOptions<FlatContext> options) : DbContext(options)
{
    public DbSet<FlatItem> Items => Set<FlatItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<FlatItem>(b =>
        {
            b.ToTable(FlatItem.FlatTableName);
            b.HasPartitionKey(i => i.Pk);
            b.HasSortKey(i => i.Sk);
        });
}

/// <summary>The provider's context for the mixed payload: the address is an owned entity, stored as a nested map.</summary>
public class MixedContext(DbContextOptions<MixedContext> options) : DbContext(options)
{
    public DbSet<MixedItem> Items => Set<MixedItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<MixedItem>(b =>
        {
            b.ToTable(MixedItem.MixedTableName);
            b.HasPartitionKey(i => i.Pk);
            b.HasSortKey(i => i.Sk);
            b.OwnsOne(i => i.Address);
        });
}
