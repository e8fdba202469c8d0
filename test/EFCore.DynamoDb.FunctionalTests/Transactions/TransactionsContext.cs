using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>
/// The model of the transaction and write-limit tests: parcels (index ByRoute), warehouses (concurrency token
/// Revision), shelves (partition and sort key), and crates and pallets sharing the table "Storage" by the key Code.
/// </summary>
public class TransactionsContext(DbContextOptions<TransactionsContext> options) : DbContext(options)
{
    public DbSet<Parcel> Parcels => Set<Parcel>();

    public DbSet<Warehouse> Warehouses => Set<Warehouse>();

    public DbSet<Shelf> Shelves => Set<Shelf>();

    public DbSet<Crate> Crates => Set<Crate>();

    public DbSet<Pallet> Pallets => Set<Pallet>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Parcel>().HasGlobalSecondaryIndex("ByRoute", p => p.Route);
        modelBuilder.Entity<Warehouse>().Property(w => w.Revision).IsConcurrencyToken();
        modelBuilder.Entity<Shelf>().HasKey(s => new { s.Aisle, s.Position });
        modelBuilder.Entity<Crate>().ToTable("Storage").HasKey(c => c.Code);
        modelBuilder.Entity<Pallet>().ToTable("Storage").HasKey(p => p.Code);
    }
}
