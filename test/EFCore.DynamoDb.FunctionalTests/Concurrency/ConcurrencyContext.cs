using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Concurrency;

/// <summary>The model of the optimistic concurrency tests.</summary>
public class ConcurrencyContext(DbContextOptions<ConcurrencyContext> options) : DbContext(options)
{
    public DbSet<Counter> Counters => Set<Counter>();

    public DbSet<Wallet> Wallets => Set<Wallet>();

    public DbSet<Locker> Lockers => Set<Locker>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Counter>().Property(c => c.Version).IsRowVersion().HasAttributeName("ver");
        modelBuilder.Entity<Locker>().OwnsOne(l => l.Lease, b => b.Property(x => x.Revision).IsRowVersion());
    }
}
