using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Keyless;

/// <summary>Books, and a keyless <see cref="BookSummary" /> mapped with <c>ToTable</c> onto their table.</summary>
public class LibraryContext(DbContextOptions<LibraryContext> options) : DbContext(options)
{
    public DbSet<Book> Books => Set<Book>();

    public DbSet<BookSummary> Summaries => Set<BookSummary>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Book>(b =>
        {
            b.ToTable("Books");
            b.HasKey(e => e.Isbn);
        });
        modelBuilder.Entity<BookSummary>(b =>
        {
            b.HasNoKey();
            b.ToTable("Books");
        });
    }
}
