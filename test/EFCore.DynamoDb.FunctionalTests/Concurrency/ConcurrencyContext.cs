using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Concurrency;

/// <summary>The model of the optimistic concurrency tests.</summary>
public class ConcurrencyContext(DbContextOptions<ConcurrencyContext> options) : DbContext(options)
{
    public DbSet<Counter> Counters => Set<Counter>();

    public DbSet<Wallet> Wallets => Set<Wallet>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Counter>().Property(c => c.Version).IsRowVersion().HasAttributeName("ver");
}
