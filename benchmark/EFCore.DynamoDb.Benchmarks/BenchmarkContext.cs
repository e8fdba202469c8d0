using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>The provider side of the benchmarks.</summary>
public class BenchmarkContext(DbContextOptions<BenchmarkContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Order>().HasKey(o => new { o.CustomerId, o.OrderId });
}
