using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.FunctionalTests.TableOptions;

/// <summary>
/// Capacity settings: a provisioned table (5, 4) whose index ByZone has (2, 1) and ByKind the table's; an
/// explicitly on-demand table; a table shared by two types where the second configures (3, 3) and the first's
/// index has (2, 2).
/// </summary>
public class TableOptionsContext(DbContextOptions<TableOptionsContext> options) : DbContext(options)
{
    public DbSet<Meter> Meters => Set<Meter>();

    public DbSet<Gauge> Gauges => Set<Gauge>();

    public DbSet<Appliance> Appliances => Set<Appliance>();

    public DbSet<Sensor> Sensors => Set<Sensor>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Meter>(b =>
        {
            b.HasBillingMode(DynamoDbBillingMode.Provisioned).HasProvisionedThroughput(5, 4);
            b.HasGlobalSecondaryIndex("ByZone", m => m.Zone).HasProvisionedThroughput(2, 1);
            b.HasGlobalSecondaryIndex("ByKind", m => m.Kind);
        });
        modelBuilder.Entity<Gauge>(b =>
        {
            b.HasBillingMode(DynamoDbBillingMode.PayPerRequest);
            b.HasGlobalSecondaryIndex("ByZone", g => g.Zone);
        });
        modelBuilder.Entity<Appliance>(b =>
        {
            b.ToTable("Devices");
            b.HasGlobalSecondaryIndex("ApplianceByZone", a => a.Zone).HasProvisionedThroughput(2, 2);
        });
        modelBuilder.Entity<Sensor>(b =>
        {
            b.ToTable("Devices");
            b.HasProvisionedThroughput(3, 3);
            b.HasGlobalSecondaryIndex("SensorByZone", s => s.Zone);
        });
    }
}
