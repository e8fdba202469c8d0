using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// One provisioned table with every kind of secondary index: global indexes projecting all attributes, only the
/// keys, or the keys and a few attributes (with and without their own throughput), one declared through EF's
/// <c>HasIndex(...).IsGlobalSecondaryIndex()</c>, one whose sort key is nullable (items without it are not in
/// the index), and two local indexes.
/// </summary>
public class TicketsContext(DbContextOptions<TicketsContext> options) : DbContext(options)
{
    /// <summary>The table's provisioned capacity, which indexes without their own inherit.</summary>
    public const long TableReadCapacity = 5;

    /// <inheritdoc cref="TableReadCapacity" />
    public const long TableWriteCapacity = 4;

    public DbSet<Ticket> Tickets => Set<Ticket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Ticket>(b =>
        {
            b.HasPartitionKey(t => t.Project);
            b.HasSortKey(t => t.Code);
            b.Property(t => t.State).HasConversion<string>();
            b.Property(t => t.Effort).HasConversion(v => (long)v.TotalMinutes, v => TimeSpan.FromMinutes(v));
            b.HasProvisionedThroughput(TableReadCapacity, TableWriteCapacity);

            b.HasGlobalSecondaryIndex("ByAssignee", t => t.Assignee, t => t.Opened).ProjectsAll().HasProvisionedThroughput(2, 3);
            b.HasGlobalSecondaryIndex("ByState", t => t.State, t => t.Points).ProjectsKeysOnly();
            b.HasGlobalSecondaryIndex("ByReporter", t => t.Reporter).ProjectsInclude(t => t.Title, t => t.Estimate).HasProvisionedThroughput(3, 1);
            b.HasIndex(t => t.Milestone, "ByMilestone").IsGlobalSecondaryIndex();
            b.HasGlobalSecondaryIndex("BySeverityDue", t => t.Severity, t => t.Due);
            b.HasLocalSecondaryIndex("ByOpened", t => t.Opened);
            b.HasLocalSecondaryIndex("ByPoints", t => t.Points).ProjectsInclude(t => t.Title);
        });
}
