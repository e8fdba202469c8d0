using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>
/// An item collection (single-table design): accounts and their entries in one table under the account's partition
/// key, told apart by the discriminator. The entry's foreign key is its partition key, and the account's principal
/// key is the account's partition key, so the account and its entries are one Query of that partition.
/// </summary>
public class ItemCollectionContext(DbContextOptions<ItemCollectionContext> options) : DbContext(options)
{
    public DbSet<LedgerAccount> Accounts => Set<LedgerAccount>();

    public DbSet<LedgerEntry> Entries => Set<LedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedgerAccount>(b =>
        {
            b.ToTable("Ledger");
            b.HasKey(a => new { a.Pk, a.Sk });
            b.HasPartitionKey(a => a.Pk);
            b.HasSortKey(a => a.Sk);
        });
        modelBuilder.Entity<LedgerEntry>(b =>
        {
            b.ToTable("Ledger");
            b.HasKey(e => new { e.Pk, e.Sk });
            b.HasPartitionKey(e => e.Pk);
            b.HasSortKey(e => e.Sk);
            b.HasOne(e => e.Account).WithMany(a => a.Entries).HasForeignKey(e => e.Pk).HasPrincipalKey(a => a.Pk);
        });
    }
}
