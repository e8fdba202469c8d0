using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>
/// Members with an Address map holding a Geo map; Address.Street is stored as "street", the Geo map as "geo" and
/// Geo.Lat as "lat" (HasAttributeName on nested members). Teams hold complex collections: Players stored as the list
/// "players" whose maps store Number as "no" and hold a Position map, and an optional array of Reserves.
/// </summary>
public class ComplexTypesContext(DbContextOptions<ComplexTypesContext> options) : DbContext(options)
{
    public DbSet<Member> Members => Set<Member>();

    public DbSet<Team> Teams => Set<Team>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Member>(b =>
        {
            b.ComplexProperty(m => m.Address, a =>
            {
                a.Property(x => x.Street).HasAttributeName("street");
                a.ComplexProperty(x => x.Geo).HasAttributeName("geo").Property(x => x.Lat).HasAttributeName("lat");
            });
            b.ComplexProperty(m => m.Contact);
        });
        modelBuilder.Entity<Team>(b =>
        {
            b.ComplexCollection(t => t.Players, p =>
            {
                p.HasAttributeName("players");
                p.Property(x => x.Number).HasAttributeName("no");
                p.ComplexProperty(x => x.Position);
            });
            b.ComplexCollection(t => t.Reserves, p => p.ComplexProperty(x => x.Position));
        });
    }
}
