using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.FunctionalTests.TypeMapping;

/// <summary>The samples table, with the value converters the type tests need.</summary>
public class TypeMappingContext(DbContextOptions<TypeMappingContext> options) : DbContext(options)
{
    public DbSet<TypeSample> Samples => Set<TypeSample>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<TypeSample>(b =>
        {
            b.Property(e => e.EnumAsString).HasConversion<string>();
            b.Property(e => e.NullableEnumAsString).HasConversion<string>();
            b.Property(e => e.BoolAsNumber).HasConversion<int>();
            b.Property(e => e.Website).HasConversion<string>();
            var celsiusToDegrees = new ValueConverter<Celsius, decimal>(v => v.Degrees, v => new Celsius(v));
            b.Property(e => e.Temperature).HasConversion(celsiusToDegrees);
            b.Property(e => e.NullableTemperature).HasConversion(celsiusToDegrees);
        });
}
