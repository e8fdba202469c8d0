using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>The model of the ExecuteUpdate/ExecuteDelete request tests.</summary>
public class MemberContext(DbContextOptions<MemberContext> options) : DbContext(options)
{
    public DbSet<Member> Members => Set<Member>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Member>(m =>
        {
            m.HasKey(x => new { x.Team, x.Id });
            m.ComplexProperty(x => x.Address);
            m.Property(x => x.Revision).IsRowVersion();
            m.HasGlobalSecondaryIndex("ByRegion", x => x.Region!);
        });
}
