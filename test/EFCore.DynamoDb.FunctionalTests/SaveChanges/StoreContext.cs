using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.SaveChanges;

/// <summary>The model of the SaveChanges tests.</summary>
public class StoreContext(DbContextOptions<StoreContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>().Property(a => a.Version).IsConcurrencyToken();
        modelBuilder.Entity<Booking>().HasKey(b => new { b.Venue, b.Slot });
        modelBuilder.Entity<LedgerEntry>(b =>
        {
            b.HasPartitionKey(e => e.Tenant);
            b.HasSortKey(e => e.At);
            b.Property(e => e.Tenant).HasAttributeName("PK");
            b.Property(e => e.At).HasAttributeName("SK");
            b.Property(e => e.Amount).HasAttributeName("amt");
        });
    }
}
