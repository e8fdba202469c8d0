using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.ExecuteUpdate;

/// <summary>
/// Players and banners share the table "Game" (keys Guild, Id; the players' index ByRegion); quests, with
/// timestamps, have the table "Quests".
/// </summary>
public class GameContext(DbContextOptions<GameContext> options) : DbContext(options)
{
    public DbSet<Player> Players => Set<Player>();

    public DbSet<Banner> Banners => Set<Banner>();

    public DbSet<Quest> Quests => Set<Quest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Player>(p =>
        {
            p.ToTable("Game").HasKey(x => new { x.Guild, x.Id });
            p.Property(x => x.Class).HasConversion<string>();
            p.ComplexProperty(x => x.Home);
            p.Property(x => x.Revision).IsRowVersion();
            p.HasGlobalSecondaryIndex("ByRegion", x => x.Region!, x => x.Level);
        });
        modelBuilder.Entity<Banner>().ToTable("Game").HasKey(x => new { x.Guild, x.Id });
        modelBuilder.Entity<Quest>().HasTimestamps();
    }
}
