using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Seeding;

/// <summary>
/// A model with <c>HasData</c> seed data: plants (with owned seed data, given by the owner's key as EF requires) and
/// pots in tables of their own.
/// </summary>
public class SeedingContext(DbContextOptions<SeedingContext> options) : DbContext(options)
{
    public DbSet<Plant> Plants => Set<Plant>();

    public DbSet<Pot> Pots => Set<Pot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Plant>(b =>
        {
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Version).IsRowVersion();
            b.HasData(new Plant { Id = 1, Species = "Fern" }, new Plant { Id = 2, Species = "Cactus" });
            b.OwnsOne(p => p.Care).HasData(new { PlantId = 1, WaterEveryDays = 3, Light = "shade" });
            b.OwnsMany(p => p.Notes).HasData(new { PlantId = 2, Id = 1, Text = "rarely water" }, new { PlantId = 2, Id = 2, Text = "full sun" });
        });
        modelBuilder.Entity<Pot>(b =>
        {
            b.HasKey(p => new { p.Shelf, p.Slot });
            b.HasData(new Pot { Shelf = "A", Slot = 1, Color = "red" }, new Pot { Shelf = "A", Slot = 2 });
        });
    }
}
