using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.RelationalNames;

/// <summary>
/// A model written for relational providers: <c>ToTable</c> and <c>HasDatabaseName</c> resolve to EF's relational
/// extensions here (this project references that package), as in a project using ASP.NET Core Identity.
/// </summary>
public class RelationalNamesContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The members, in the table AspNetMembers.</summary>
    public DbSet<Member> Members => Set<Member>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Member>(b =>
        {
            b.ToTable("AspNetMembers");
            b.HasIndex(m => m.NormalizedUserName).HasDatabaseName("UserNameIndex");
            b.HasIndex(m => m.NormalizedEmail);
        });
        modelBuilder.MapIndexesToGlobalSecondaryIndexes();
    }
}
