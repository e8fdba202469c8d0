using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Schema;

/// <summary>The first version of the model: the Tracks table without any secondary index.</summary>
public class TracksV1Context(DbContextOptions<TracksV1Context> options) : DbContext(options)
{
    public DbSet<Track> Tracks => Set<Track>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Track>().HasKey(t => new { t.Album, t.Number });
}
