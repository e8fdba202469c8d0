using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.EnsureCreated;

/// <summary>One entity type per key shape EnsureCreated must create.</summary>
public class SchemaContext(DbContextOptions<SchemaContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Shipment> Shipments => Set<Shipment>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    public DbSet<Counter> Counters => Set<Counter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Shipment>().HasKey(s => new { s.Carrier, s.Number });
        modelBuilder.Entity<Attachment>().HasKey(a => a.Hash);
        modelBuilder.Entity<LedgerEntry>(b =>
        {
            b.HasPartitionKey(e => e.Tenant);
            b.HasSortKey(e => e.At);
            b.Property(e => e.Tenant).HasAttributeName("PK");
            b.Property(e => e.At).HasAttributeName("SK");
        });
        modelBuilder.Entity<Counter>().ToTable("Tallies");
    }
}
