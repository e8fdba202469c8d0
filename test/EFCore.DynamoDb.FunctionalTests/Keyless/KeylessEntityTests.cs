using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Keyless;

/// <summary>
/// A keyless entity type mapped with <c>ToTable</c> is a read-only view over that table's items: read like any query,
/// never tracked, and the table is created and keyed by its keyed entity type alone.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class KeylessEntityTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Fact]
    public async Task A_keyless_view_reads_every_item_of_its_table_untracked()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var summaries = await context.Summaries.ToListAsync();

        Assert.Equal(
            LibraryFixture.Data.Select(b => (b.Title, b.Pages)).Order(),
            summaries.Select(s => (s.Title, s.Pages)).Order());
        Assert.Empty(context.ChangeTracker.Entries());
        Assert.Equal(["Scan"], log.Operations);
    }

    [Fact]
    public async Task A_keyless_view_filters_orders_and_projects_as_LINQ_to_Objects_does()
    {
        await using var context = fixture.CreateContext();

        var titles = await context.Summaries.Where(s => s.Pages > 400).OrderBy(s => s.Title).Select(s => s.Title).ToListAsync();

        Assert.Equal(LibraryFixture.Data.Where(b => b.Pages > 400).OrderBy(b => b.Title).Select(b => b.Title), titles);
    }

    [Fact]
    public async Task Counting_a_keyless_view_reads_no_values_of_its_tables_items()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var all = await context.Summaries.CountAsync();
        var firstTwo = await context.Summaries.OrderBy(s => s.Title).Take(2).CountAsync();

        Assert.Equal(LibraryFixture.Data.Count, all);
        Assert.Equal(LibraryFixture.Data.OrderBy(b => b.Title).Take(2).Count(), firstTwo);
        Assert.Equal(["Scan", "Scan"], log.Operations);
        // The whole view is counted by DynamoDB; a window of it reads the table's key and the ordering, nothing else.
        Assert.Equal("COUNT", log.Requests[0].Details().String("Select"));
        Assert.Equal(["Isbn", "Title"], log.Requests[1].Details().ReferencedNames("ProjectionExpression"));
    }

    [Fact]
    public async Task The_keyed_entity_type_alone_keys_the_table()
    {
        await using var context = fixture.CreateContext();

        var request = Assert.Single(context.Database.GetCreateTableRequests());

        Assert.Equal(fixture.TableName("Books"), request.TableName);
        Assert.Equal(["Isbn"], request.KeySchema.Select(k => k.AttributeName));
        Assert.Equal("Dune", (await context.Books.FindAsync("1"))!.Title);
    }

    [Fact]
    public void A_keyless_view_cannot_be_tracked_so_nothing_is_written_through_it()
    {
        using var context = fixture.CreateContext();

        var exception = Assert.Throws<InvalidOperationException>(() => context.Summaries.Add(new BookSummary { Title = "New" }));

        Assert.Contains("does not have a primary key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keyless_entity_type_on_a_table_no_keyed_type_stores_is_refused()
    {
        var options = new DbContextOptionsBuilder<OrphanViewContext>()
            .UseDynamoDb(d => d.ServiceUrl(fixture.Server.ServiceUrl))
            .ForTests()
            .Options;
        using var context = new OrphanViewContext(options);

        Assert.Equal(
            DynamoDbStrings.KeylessTypeWithoutTable("BookSummary", "Nowhere"),
            Assert.Throws<InvalidOperationException>(() => context.Model).Message);
    }

    private sealed class OrphanViewContext(DbContextOptions<OrphanViewContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Book>().HasKey(b => b.Isbn);
            modelBuilder.Entity<BookSummary>().HasNoKey().ToTable("Nowhere");
        }
    }
}
