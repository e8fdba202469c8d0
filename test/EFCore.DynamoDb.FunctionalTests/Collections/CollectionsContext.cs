using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Collections;

/// <summary>The baskets table, keyed by owner (partition) and id (sort).</summary>
public class CollectionsContext(DbContextOptions<CollectionsContext> options) : DbContext(options)
{
    public DbSet<Basket> Baskets => Set<Basket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Basket>().HasKey(b => new { b.Owner, b.Id });
}
