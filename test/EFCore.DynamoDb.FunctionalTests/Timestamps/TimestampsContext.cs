using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Timestamps;

/// <summary>Timestamps on the whole model (<c>modelBuilder.HasTimestamps()</c>), turned off for <see cref="Tag" />.</summary>
public class TimestampsContext(DbContextOptions<TimestampsContext> options) : DbContext(options)
{
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<Tag> Tags => Set<Tag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasTimestamps();
        modelBuilder.Entity<Tag>().HasTimestamps(false);
    }
}
