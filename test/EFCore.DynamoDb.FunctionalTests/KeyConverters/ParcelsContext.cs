using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EFCore.DynamoDb.FunctionalTests.KeyConverters;

/// <summary>Parcels: a struct key, a custom-typed attribute and a converter that turns a value into null.</summary>
public class ParcelsContext(DbContextOptions<ParcelsContext> options) : DbContext(options)
{
    public DbSet<Parcel> Parcels => Set<Parcel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Parcel>(b =>
        {
            b.Property(p => p.Id).HasConversion(id => id.Value, value => new ParcelId(value));
            b.Property(p => p.Recipient).HasConversion(
                e => e.Value,
                value => new EmailAddress(value),
                new ValueComparer<EmailAddress>((l, r) => l!.Value == r!.Value, e => e.GetHashCode()));
            b.Property(p => p.Note).HasConversion(note => note == "" ? null : note, note => note);
        });
}
