using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.MultiAttributeKeys;

/// <summary>An earlier version of <see cref="ReadingsContext" />: the Readings table without its multi-attribute index.</summary>
public class ReadingsWithoutIndexContext(DbContextOptions<ReadingsWithoutIndexContext> options) : DbContext(options)
{
    public DbSet<Reading> Readings => Set<Reading>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Reading>().ToTable("Readings").HasKey(r => r.Id);
}
