using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.BatchWrites;

/// <summary>
/// Crates (and cold crates, sharing their table) with every kind of embedded data and timestamps, and slots with
/// prefixed partition and sort keys.
/// </summary>
public class BatchWritesContext(DbContextOptions<BatchWritesContext> options) : DbContext(options)
{
    public DbSet<Crate> Crates => Set<Crate>();

    public DbSet<ColdCrate> ColdCrates => Set<ColdCrate>();

    public DbSet<Slot> Slots => Set<Slot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Crate>(b =>
        {
            b.ToTable("Crates");
            b.HasTimestamps();
            b.ComplexProperty(c => c.Size);
            b.OwnsOne(c => c.Origin, o => o.HasAttributeName("origin"));
            b.OwnsMany(c => c.Contents);
        });

        modelBuilder.Entity<Slot>(b =>
        {
            b.ToTable("Slots");
            b.HasKey(s => new { s.Aisle, s.Position });
            b.Property(s => s.Aisle).HasKeyPrefix("AISLE#");
            b.Property(s => s.Position).HasKeyPrefix("POS#");
        });
    }
}
