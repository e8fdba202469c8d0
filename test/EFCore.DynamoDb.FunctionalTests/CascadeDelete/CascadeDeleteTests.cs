using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.CascadeDelete;

/// <summary>
/// Deleting a principal whose dependents are not loaded, with the foreign keys' GSIs: the dependents are found with a
/// Query each and deleted (cascade, level by level) or updated (set null) in the principal's TransactWriteItems, with
/// their conditions and guard items; a restricting dependent or a cascade beyond one transaction fails with nothing
/// sent. Raw items and requests asserted.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class CascadeDeleteTests(CascadeFixture fixture) : IClassFixture<CascadeFixture>
{
    [Fact]
    public async Task Deleting_a_principal_deletes_its_untracked_dependents_level_by_level_in_one_transaction()
    {
        await SeedAsync("ca", books: 2, chaptersPerBook: 2);
        await SeedAsync("cb", books: 1, chaptersPerBook: 1);
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var author = (await context.Authors.FindAsync("ca"))!;
        log.Clear();

        context.Authors.Remove(author);
        await context.SaveChangesAsync();

        // The books by the author's key, the chapters by each book's key, the fans and the awards: each a Query of
        // the foreign key's GSI; then one transaction.
        Assert.Equal([.. Enumerable.Repeat("Query", 5), "TransactWriteItems"], log.Operations);
        Assert.Equal(
            ["IX_Award_AuthorId", "IX_Book_AuthorId", "IX_Chapter_BookId", "IX_Chapter_BookId", "IX_Fan_AuthorId"],
            log.Requests.Where(r => r.Operation == "Query").Select(r => r.IndexName!).Order());
        var actions = log.Requests[^1].Details().GetProperty("TransactItems").EnumerateArray().ToList();
        var deletes = actions.Where(a => a.TryGetProperty("Delete", out _)).Select(a => a.GetProperty("Delete")).ToList();
        // The author, two books, four chapters and the books' two ISBN guard items.
        Assert.Equal(9, deletes.Count);
        Assert.Equal(9, actions.Count);
        // Each book is deleted only as the version read, and only if it exists: its concurrency condition.
        var bookDeletes = deletes.Where(d => d.String("TableName") == fixture.TableName("Books")).ToList();
        Assert.Equal(2, bookDeletes.Count);
        Assert.All(bookDeletes, d => Assert.Contains("Version", d.ReferencedNames("ConditionExpression")));

        Assert.Null(await fixture.GetRawItemAsync("Authors", ("Id", Attr.S("ca"))));
        Assert.DoesNotContain(await fixture.ScanRawAsync("Books"), i => i["AuthorId"].S == "ca");
        Assert.DoesNotContain(await fixture.ScanRawAsync("Chapters"), i => i["BookId"].S.StartsWith("ca-", StringComparison.Ordinal));
        Assert.DoesNotContain(await fixture.ScanRawAsync("EFUniqueIndexGuards"), i => i["guard"].S.Contains("isbn-ca-", StringComparison.Ordinal));
        // The other author's items are untouched.
        Assert.NotNull(await fixture.GetRawItemAsync("Authors", ("Id", Attr.S("cb"))));
        Assert.Single(await fixture.ScanRawAsync("Books"), i => i["AuthorId"].S == "cb");
        Assert.Single(await fixture.ScanRawAsync("Chapters"), i => i["BookId"].S == "cb-b0");
        Assert.Contains(await fixture.ScanRawAsync("EFUniqueIndexGuards"), i => i["guard"].S.Contains("isbn-cb-b0", StringComparison.Ordinal));
        Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Detached, e.State));
    }

    [Fact]
    public async Task Tracked_and_untracked_dependents_are_each_deleted_once()
    {
        await SeedAsync("tr", books: 3, chaptersPerBook: 0);
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var author = (await context.Authors.FindAsync("tr"))!;
        var tracked = (await context.Books.FindAsync("tr-b1"))!;
        log.Clear();

        context.Authors.Remove(author);
        Assert.Equal(EntityState.Deleted, context.Entry(tracked).State);
        await context.SaveChangesAsync();

        var deletes = log.Requests[^1].Details().GetProperty("TransactItems").EnumerateArray()
            .Where(a => a.GetProperty("Delete").String("TableName") == fixture.TableName("Books"))
            .ToList();
        Assert.Equal(3, deletes.Count);
        Assert.DoesNotContain(await fixture.ScanRawAsync("Books"), i => i["AuthorId"].S == "tr");
    }

    [Fact]
    public async Task Set_null_dependents_are_kept_with_their_foreign_key_removed()
    {
        await SeedAsync("sn", books: 0, chaptersPerBook: 0, fans: 2);
        await using var context = fixture.CreateContext();
        context.Authors.Remove((await context.Authors.FindAsync("sn"))!);

        await context.SaveChangesAsync();

        var fans = (await fixture.ScanRawAsync("Fans")).Where(i => i["Id"].S.StartsWith("sn-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, fans.Count);
        Assert.All(fans, f => Assert.True(!f.TryGetValue("AuthorId", out var value) || value.NULL == true));
        Assert.Null(await fixture.GetRawItemAsync("Authors", ("Id", Attr.S("sn"))));
    }

    [Fact]
    public async Task A_restricting_dependent_not_tracked_fails_the_delete_with_nothing_sent()
    {
        await SeedAsync("rs", books: 1, chaptersPerBook: 1, awards: 1);
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        context.Authors.Remove((await context.Authors.FindAsync("rs"))!);
        log.Clear();

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Equal(
            DynamoDbStrings.DeleteRestrictedByDependents("Author", "Award", "'Award.AuthorId -> Author'", "Restrict"),
            exception.Message);
        Assert.DoesNotContain("TransactWriteItems", log.Operations);
        Assert.DoesNotContain(log.Operations, o => o is "DeleteItem" or "PutItem" or "UpdateItem");
        Assert.NotNull(await fixture.GetRawItemAsync("Authors", ("Id", Attr.S("rs"))));
        Assert.NotNull(await fixture.GetRawItemAsync("Books", ("Id", Attr.S("rs-b0"))));
        Assert.NotNull(await fixture.GetRawItemAsync("Chapters", ("Id", Attr.S("rs-b0-c0"))));
        // What the failed save loaded is not left in the context.
        Assert.Equal(["Author"], context.ChangeTracker.Entries().Select(e => e.Metadata.DisplayName()));
    }

    [Fact]
    public async Task A_restricting_dependent_that_is_tracked_gets_its_foreign_key_set_to_null_as_EF_defines()
    {
        await SeedAsync("rt", books: 0, chaptersPerBook: 0, awards: 1);
        await using var context = fixture.CreateContext();
        var award = (await context.Awards.FindAsync("rt-a0"))!;
        context.Authors.Remove((await context.Authors.FindAsync("rt"))!);

        await context.SaveChangesAsync();

        Assert.Null(award.AuthorId);
        var raw = (await fixture.GetRawItemAsync("Awards", ("Id", Attr.S("rt-a0"))))!;
        Assert.True(!raw.TryGetValue("AuthorId", out var value) || value.NULL == true);
    }

    [Fact]
    public async Task A_cascade_beyond_one_transaction_fails_naming_the_limit_with_nothing_sent()
    {
        await SeedAsync("big", books: 1, chaptersPerBook: 100);
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        context.Books.Remove((await context.Books.FindAsync("big-b0"))!);
        log.Clear();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.CascadeDeleteTooManyItems("Book", "'Chapter.BookId -> Book'", "Cascade", 100), exception.Message);
        Assert.Equal(["Query"], log.Operations);
        Assert.Equal(100, (await fixture.ScanRawAsync("Chapters")).Count(i => i["BookId"].S == "big-b0"));
        Assert.NotNull(await fixture.GetRawItemAsync("Books", ("Id", Attr.S("big-b0"))));
        Assert.Equal(["Book"], context.ChangeTracker.Entries().Select(e => e.Metadata.DisplayName()));
    }

    [Fact]
    public async Task A_principal_without_dependents_costs_one_Query_per_relationship()
    {
        await SeedAsync("lone", books: 0, chaptersPerBook: 0);
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        context.Authors.Remove((await context.Authors.FindAsync("lone"))!);
        log.Clear();

        await context.SaveChangesAsync();

        Assert.Equal(["Query", "Query", "Query", "DeleteItem"], log.Operations);
        Assert.Null(await fixture.GetRawItemAsync("Authors", ("Id", Attr.S("lone"))));
    }

    [Fact]
    public async Task A_dependent_moved_to_another_principal_in_the_same_save_is_kept()
    {
        await SeedAsync("mv", books: 2, chaptersPerBook: 0);
        await SeedAsync("mw", books: 0, chaptersPerBook: 0);
        await using var context = fixture.CreateContext();
        var moved = (await context.Books.FindAsync("mv-b1"))!;
        moved.AuthorId = "mw";
        context.Authors.Remove((await context.Authors.FindAsync("mv"))!);

        await context.SaveChangesAsync();

        Assert.Null(await fixture.GetRawItemAsync("Books", ("Id", Attr.S("mv-b0"))));
        Assert.Equal("mw", (await fixture.GetRawItemAsync("Books", ("Id", Attr.S("mv-b1"))))!["AuthorId"].S);
    }

    private async Task SeedAsync(string author, int books, int chaptersPerBook, int fans = 0, int awards = 0)
        => await SeedAsync(fixture.CreateContext(), author, books, chaptersPerBook, fans, awards);

    /// <summary>An author and its dependents, ids prefixed with the author's id; written without a transaction.</summary>
    internal static async Task SeedAsync(CascadeContext context, string author, int books, int chaptersPerBook, int fans = 0, int awards = 0)
    {
        await using var _ = context;
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Authors.Add(new Author { Id = author, Name = author });
        for (var b = 0; b < books; b++)
        {
            var book = new Book { Id = $"{author}-b{b}", AuthorId = author, Isbn = $"isbn-{author}-b{b}" };
            context.Books.Add(book);
            for (var c = 0; c < chaptersPerBook; c++)
            {
                context.Chapters.Add(new Chapter { Id = $"{book.Id}-c{c}", BookId = book.Id, Number = c });
            }
        }

        for (var f = 0; f < fans; f++)
        {
            context.Fans.Add(new Fan { Id = $"{author}-f{f}", AuthorId = author });
        }

        for (var a = 0; a < awards; a++)
        {
            context.Awards.Add(new Award { Id = $"{author}-a{a}", AuthorId = author });
        }

        await context.SaveChangesAsync();
    }
}
