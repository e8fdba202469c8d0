using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.MultiAttributeKeys;

/// <summary>
/// Readings keyed by id, with a global index whose partition key is two attributes (tenant, region) and whose sort key
/// is three (day, sensor, sequence).
/// </summary>
public class ReadingsContext(DbContextOptions<ReadingsContext> options) : DbContext(options)
{
    public DbSet<Reading> Readings => Set<Reading>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Reading>(b =>
        {
            b.HasKey(r => r.Id);
            b.HasGlobalSecondaryIndex("ByTenantRegion", r => new { r.Tenant, r.Region }, r => new { r.Day, r.Sensor, r.Sequence });
        });
}
