using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>Guid- and integer-keyed tables, by convention except for a per-property block size and one key the application sets.</summary>
public class ValueGenerationContext(DbContextOptions<ValueGenerationContext> options) : DbContext(options)
{
    public DbSet<Device> Devices => Set<Device>();

    public DbSet<Slot> Slots => Set<Slot>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<Shelf> Shelves => Set<Shelf>();

    public DbSet<Book> Books => Set<Book>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Receipt>().Property(r => r.Id).HasKeyBlockSize(3);
        modelBuilder.Entity<Ticket>().Property(t => t.Id).ValueGeneratedNever();
    }
}
