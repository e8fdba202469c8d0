using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.UniqueIndexes;

/// <summary>The model of the unique-index tests: a numeric-key table with a single and a composite unique index.</summary>
public class UniqueIndexContext(DbContextOptions<UniqueIndexContext> options) : DbContext(options)
{
    public DbSet<Member> Members => Set<Member>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Member>().Property(m => m.Id).ValueGeneratedNever();
        modelBuilder.Entity<Member>().Property(m => m.Version).IsRowVersion();
        modelBuilder.Entity<Member>().HasIndex(m => m.UserName, "UserNameIndex").IsUnique();
        modelBuilder.Entity<Member>().HasIndex(m => new { m.Tenant, m.Email }).IsUnique();
    }
}
