using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// The provider's context of the item-collection benchmark: accounts and their entries in one table under the
/// account's partition key (single-table design), told apart by the <c>$type</c> discriminator.
/// </summary>
public class LedgerContext(DbContextOptions<LedgerContext> options) : DbContext(options)
{
    public DbSet<LedgerAccount> Accounts => Set<LedgerAccount>();

    public DbSet<LedgerEntry> Entries => Set<LedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedgerAccount>(b =>
        {
            b.ToTable(RelationshipBenchmarks.LedgerTable);
            b.HasKey(a => new { a.Pk, a.Sk });
            b.HasPartitionKey(a => a.Pk);
            b.HasSortKey(a => a.Sk);
        });
        modelBuilder.Entity<LedgerEntry>(b =>
        {
            b.ToTable(RelationshipBenchmarks.LedgerTable);
            b.HasKey(e => new { e.Pk, e.Sk });
            b.HasPartitionKey(e => e.Pk);
            b.HasSortKey(e => e.Sk);
            b.HasOne(e => e.Account).WithMany(a => a.Entries).HasForeignKey(e => e.Pk).HasPrincipalKey(a => a.Pk);
        });
    }
}
