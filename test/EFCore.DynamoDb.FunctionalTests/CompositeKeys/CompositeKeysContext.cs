using EFCore.DynamoDb.Tests.TestModels;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.CompositeKeys;

/// <summary>
/// Entity types keyed by three properties: tokens shaped like ASP.NET Core Identity's user tokens
/// ({UserId, LoginProvider, Name}) and measurements with a number and a date in the key ({Site, Sensor, TakenAt}),
/// whose Version is a concurrency token.
/// </summary>
public class CompositeKeysContext(DbContextOptions<CompositeKeysContext> options) : DbContext(options)
{
    public DbSet<UserToken> Tokens => Set<UserToken>();

    public DbSet<Measurement> Measurements => Set<Measurement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserToken>().HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        modelBuilder.Entity<Measurement>(m =>
        {
            m.HasKey(x => new { x.Site, x.Sensor, x.TakenAt });
            m.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}
