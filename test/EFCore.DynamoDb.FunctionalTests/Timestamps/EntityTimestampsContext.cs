using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Timestamps;

/// <summary>Timestamps on one entity type only (<c>entity.HasTimestamps()</c>).</summary>
public class EntityTimestampsContext(DbContextOptions<EntityTimestampsContext> options) : DbContext(options)
{
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Tag> Tags => Set<Tag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Post>().HasTimestamps();
}
