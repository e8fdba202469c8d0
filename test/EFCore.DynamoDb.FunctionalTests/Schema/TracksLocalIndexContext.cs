using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Schema;

/// <summary>A version that declares a local secondary index, which DynamoDB cannot add to an existing table.</summary>
public class TracksLocalIndexContext(DbContextOptions<TracksLocalIndexContext> options) : DbContext(options)
{
    public DbSet<Track> Tracks => Set<Track>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Track>().HasKey(t => new { t.Album, t.Number });
        modelBuilder.Entity<Track>().HasLocalSecondaryIndex("ByPlays", t => t.Plays);
    }
}
