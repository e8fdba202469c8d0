using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>Many small items in a partition-key-only table and in a table with a sort key.</summary>
public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
{
    public DbSet<Part> Parts => Set<Part>();

    public DbSet<Bin> Bins => Set<Bin>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Part>().HasKey(p => p.Sku);
        modelBuilder.Entity<Bin>(b =>
        {
            b.HasPartitionKey(x => x.Warehouse);
            b.HasSortKey(x => x.Slot);
        });
    }
}
