using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The provider's context of the relationship benchmarks: orders (by shop and number) referencing customers (by id).</summary>
public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<ShopOrder> Orders => Set<ShopOrder>();

    public DbSet<ShopCustomer> Customers => Set<ShopCustomer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ShopCustomer>(b =>
        {
            b.ToTable(RelationshipBenchmarks.CustomersTable);
            b.HasKey(c => c.Id);
        });
        modelBuilder.Entity<ShopOrder>(b =>
        {
            b.ToTable(RelationshipBenchmarks.OrdersTable);
            b.HasKey(o => new { o.Shop, o.Number });
            b.HasPartitionKey(o => o.Shop);
            b.HasSortKey(o => o.Number);
            b.HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.CustomerId);
        });
    }
}
