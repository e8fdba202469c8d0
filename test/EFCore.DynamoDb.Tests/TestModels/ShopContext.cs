using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>The model most request tests run against; tables are named after the DbSets.</summary>
public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Reading> Readings => Set<Reading>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Account> Accounts => Set<Account>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>().HasKey(o => new { o.CustomerId, o.OrderId });
        modelBuilder.Entity<Reading>().HasKey(r => new { r.DeviceId, r.Timestamp });
        modelBuilder.Entity<Account>().Property(a => a.Version).IsConcurrencyToken();
    }
}
