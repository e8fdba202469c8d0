using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.KeyTemplates;

/// <summary>The model of the key template tests: every table and index key has a constant prefix.</summary>
public class KeyTemplateContext(DbContextOptions<KeyTemplateContext> options) : DbContext(options)
{
    public DbSet<CustomerOrder> Orders => Set<CustomerOrder>();

    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CustomerOrder>(b =>
        {
            b.HasKey(o => new { o.CustomerId, o.OrderNumber });
            b.Property(o => o.CustomerId).HasAttributeName("PK").HasKeyPrefix("CUSTOMER#");
            b.Property(o => o.OrderNumber).HasAttributeName("SK").HasKeyPrefix("ORDER#");
            b.Property(o => o.Status).HasKeyPrefix("STATUS#");
            b.Property(o => o.PlacedOn).HasKeyPrefix("DAY#");
            b.HasGlobalSecondaryIndex("ByStatus", o => o.Status, o => o.PlacedOn);
        });

        modelBuilder.Entity<Note>(b =>
        {
            b.HasPartitionKey(n => n.Author);
            b.HasSortKey(n => n.Slug);
            b.Property(n => n.Author).HasKeyPrefix("AUTHOR#");
            b.Property(n => n.Slug).HasKeyPrefix("NOTE#");
            b.Property(n => n.Topic).HasKeyPrefix("TOPIC#");
            b.Property(n => n.WrittenAt).HasKeyPrefix("AT#");
            b.HasGlobalSecondaryIndex("ByTopic", n => n.Topic, n => n.WrittenAt);
        });
    }
}
