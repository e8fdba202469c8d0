using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.KeyTemplates;

/// <summary>The model of the empty-key tests: string table keys and a string index key.</summary>
public class EmptyKeyContext(DbContextOptions<EmptyKeyContext> options) : DbContext(options)
{
    public DbSet<Sku> Skus => Set<Sku>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Sku>(b =>
        {
            b.HasKey(s => new { s.Brand, s.Code });
            b.HasGlobalSecondaryIndex("ByCategory", s => s.Category);
        });
}
