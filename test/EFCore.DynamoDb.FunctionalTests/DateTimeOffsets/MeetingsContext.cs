using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.DateTimeOffsets;

/// <summary>Meetings, keyed by room (partition key) and start (sort key).</summary>
public class MeetingsContext(DbContextOptions<MeetingsContext> options) : DbContext(options)
{
    public DbSet<Meeting> Meetings => Set<Meeting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Meeting>().HasKey(m => new { m.Room, m.Starts });
}
