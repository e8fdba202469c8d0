using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.CascadeDelete;

/// <summary>
/// Authors with books (cascade; each book with chapters, cascade), fans (set null) and awards (restrict); EF's
/// foreign-key indexes mapped to global secondary indexes, so every dependent is found with a Query.
/// </summary>
public class CascadeContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Book> Books => Set<Book>();

    public DbSet<Chapter> Chapters => Set<Chapter>();

    public DbSet<Fan> Fans => Set<Fan>();

    public DbSet<Award> Awards => Set<Award>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Author>().HasMany(a => a.Books).WithOne().HasForeignKey(b => b.AuthorId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<Author>().HasMany(a => a.Fans).WithOne().HasForeignKey(f => f.AuthorId).OnDelete(DeleteBehavior.SetNull);
        modelBuilder.Entity<Author>().HasMany(a => a.Awards).WithOne().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        modelBuilder.Entity<Book>().HasMany(b => b.Chapters).WithOne().HasForeignKey(c => c.BookId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<Book>().HasIndex(b => b.Isbn).IsUnique();
        modelBuilder.Entity<Book>().Property(b => b.Version).IsRowVersion();
        if (MapsIndexes)
        {
            modelBuilder.MapIndexesToGlobalSecondaryIndexes();
        }
    }

    /// <summary>False for the model whose foreign keys have no index, so finding dependents has to Scan.</summary>
    protected virtual bool MapsIndexes => true;
}

/// <summary>The same model without <c>MapIndexesToGlobalSecondaryIndexes</c>.</summary>
public class UnindexedCascadeContext(DbContextOptions options) : CascadeContext(options)
{
    protected override bool MapsIndexes => false;
}
