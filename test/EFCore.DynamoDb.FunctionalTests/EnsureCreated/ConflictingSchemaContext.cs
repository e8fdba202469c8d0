using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.EnsureCreated;

/// <summary>Expects a "Customers" table keyed by (Id, Region), unlike <see cref="SchemaContext" />.</summary>
public class ConflictingSchemaContext(DbContextOptions<ConflictingSchemaContext> options) : DbContext(options)
{
    public DbSet<CustomerWithSortKey> Customers => Set<CustomerWithSortKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<CustomerWithSortKey>().HasKey(c => new { c.Id, c.Region });
}
