using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.OwnedTypes;

/// <summary>
/// Shoppers own a Home (stored as the map "home", Street as "street") that owns a Location, and a Cart of lines
/// (a list of maps) that each own an optional Discount.
/// </summary>
public class OwnedTypesContext(DbContextOptions<OwnedTypesContext> options) : DbContext(options)
{
    public DbSet<Shopper> Shoppers => Set<Shopper>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Shopper>(b =>
        {
            b.OwnsOne(s => s.Home, h =>
            {
                h.HasAttributeName("home");
                h.Property(x => x.Street).HasAttributeName("street");
                h.OwnsOne(x => x.Location);
            });
            b.OwnsMany(s => s.Cart, l => l.OwnsOne(x => x.Discount));
        });
}
