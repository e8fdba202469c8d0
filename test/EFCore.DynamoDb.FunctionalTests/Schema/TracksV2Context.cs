using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Schema;

/// <summary>The second version: the same table with two new global secondary indexes.</summary>
public class TracksV2Context(DbContextOptions<TracksV2Context> options) : DbContext(options)
{
    public DbSet<Track> Tracks => Set<Track>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Track>().HasKey(t => new { t.Album, t.Number });
        modelBuilder.Entity<Track>().HasGlobalSecondaryIndex("ByArtist", t => t.Artist, t => t.Plays);
        modelBuilder.Entity<Track>().HasGlobalSecondaryIndex("ByGenre", t => t.Genre).ProjectsKeysOnly();
    }
}
