using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>The model of the query tests.</summary>
public class OrdersContext(DbContextOptions<OrdersContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Document> Documents => Set<Document>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(b =>
        {
            b.HasPartitionKey(o => o.CustomerId);
            b.HasSortKey(o => o.OrderNumber);
            b.Property(o => o.Quantity).HasAttributeName("Count");
            b.Property(o => o.Priority).HasConversion<string>();
            b.Property(o => o.Escalation).HasConversion<string>();
        });
        modelBuilder.Entity<Product>().HasKey(p => p.Sku);
        modelBuilder.Entity<Document>().HasKey(d => new { d.Folder, d.Sequence });
    }
}
