using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.ClientEvaluation;

/// <summary>The model of the client-evaluation tests.</summary>
public class ClientEvaluationContext(DbContextOptions<ClientEvaluationContext> options) : DbContext(options)
{
    public DbSet<Post> Posts => Set<Post>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Post>(b =>
        {
            b.HasPartitionKey(p => p.Blog);
            b.HasSortKey(p => p.Number);
        });
}
