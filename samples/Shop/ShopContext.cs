using Microsoft.EntityFrameworkCore;

namespace Shop;

/// <summary>The shop's DbContext: customers and their orders.</summary>
public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>().HasKey(c => c.Id);
        modelBuilder.Entity<Order>().HasKey(o => new { o.CustomerId, o.OrderId }); // partition + sort key
        modelBuilder.Entity<Order>().Property(o => o.Version).IsRowVersion();

        // A global secondary index: orders by status, newest first when ordered by PlacedAt.
        modelBuilder.Entity<Order>().HasGlobalSecondaryIndex("ByStatus", o => o.Status, o => o.PlacedAt);
    }
}
