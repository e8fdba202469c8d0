using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>
/// The model of the relationship tests: orders (one table, keyed by shop and number) referencing customers (keyed by
/// id) referencing regions (keyed by code). The foreign keys are not the principals' tables' partition keys' only
/// readers: the orders' <c>ByCustomer</c> index makes "the orders of a customer" a Query.
/// </summary>
public class RelationshipsContext(DbContextOptions<RelationshipsContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Region> Regions => Set<Region>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Region>().HasKey(r => r.Code);
        modelBuilder.Entity<Customer>(b =>
        {
            b.HasKey(c => c.Id);
            b.HasOne(c => c.Region).WithMany(r => r.Customers).HasForeignKey(c => c.RegionCode);
        });
        modelBuilder.Entity<Order>(b =>
        {
            b.HasKey(o => new { o.Shop, o.Number });
            b.HasPartitionKey(o => o.Shop);
            b.HasSortKey(o => o.Number);
            b.HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.CustomerId);
            b.HasGlobalSecondaryIndex("ByCustomer", o => o.CustomerId);
        });
    }
}
