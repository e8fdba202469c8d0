using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TimeToLive;

/// <summary>One table per time-to-live property type: DateTime, DateTimeOffset and long (renamed to "ttl").</summary>
public class TimeToLiveContext(DbContextOptions<TimeToLiveContext> options) : DbContext(options)
{
    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Token> Tokens => Set<Token>();

    public DbSet<Lease> Leases => Set<Lease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Session>().HasTimeToLive(s => s.ExpiresAt);
        modelBuilder.Entity<Token>().HasTimeToLive(t => t.ExpiresAt);
        modelBuilder.Entity<Lease>(b =>
        {
            b.HasKey(l => new { l.Owner, l.Id });
            b.HasTimeToLive(l => l.Expires);
            b.Property(l => l.Expires).HasAttributeName("ttl");
        });
    }
}
