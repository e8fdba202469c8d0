using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.FunctionalTests.KeyConverters;

/// <summary>Parcels: a struct key, a custom-typed attribute and converters that turn a value into null (one of them back).</summary>
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
            b.Property(p => p.Carrier).HasConversion(new CarrierConverter());
            b.Property(p => p.Insurance).HasConversion(new InsuranceConverter());
        });
}

/// <summary>Stores an unassigned carrier as null and, converting nulls, reads null back as unassigned.</summary>
public sealed class CarrierConverter() : ValueConverter<string, string?>(
    carrier => carrier == Parcel.Unassigned ? null : carrier,
    carrier => carrier ?? Parcel.Unassigned,
    convertsNulls: true);

/// <summary>Stores a missing insurance as "none", converting nulls, and reads "none" back as null.</summary>
public sealed class InsuranceConverter() : ValueConverter<string?, string>(
    insurance => insurance ?? "none",
    insurance => insurance == "none" ? null : insurance,
    convertsNulls: true);
