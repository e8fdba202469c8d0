using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>
/// Members with an Address map holding a Geo map; Address.Street is stored as "street", the Geo map as "geo" and
/// Geo.Lat as "lat" (HasAttributeName on nested members).
/// </summary>
public class ComplexTypesContext(DbContextOptions<ComplexTypesContext> options) : DbContext(options)
{
    public DbSet<Member> Members => Set<Member>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Member>(b =>
        {
            b.ComplexProperty(m => m.Address, a =>
            {
                a.Property(x => x.Street).HasAttributeName("street");
                a.ComplexProperty(x => x.Geo).HasAttributeName("geo").Property(x => x.Lat).HasAttributeName("lat");
            });
            b.ComplexProperty(m => m.Contact);
        });
}
