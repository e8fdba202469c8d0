using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.CascadeDelete;

/// <summary>
/// Deleting principals whose foreign keys have no index: the dependents are found with one Scan per relationship for
/// all the principals of the save (not one per principal), each named in a scan warning with the fix.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class UnindexedCascadeDeleteTests(UnindexedCascadeFixture fixture) : IClassFixture<UnindexedCascadeFixture>
{
    [Fact]
    public async Task Each_relationship_is_one_Scan_for_all_deleted_principals_with_a_warning_naming_it()
    {
        await CascadeDeleteTests.SeedAsync(fixture.CreateContext(), "ua", books: 2, chaptersPerBook: 1, fans: 1);
        await CascadeDeleteTests.SeedAsync(fixture.CreateContext(), "ub", books: 1, chaptersPerBook: 2);
        await CascadeDeleteTests.SeedAsync(fixture.CreateContext(), "uc", books: 1, chaptersPerBook: 1);
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        context.Authors.RemoveRange(await context.Authors.Where(a => a.Id == "ua" || a.Id == "ub").ToListAsync());
        log.Clear();

        await context.SaveChangesAsync();

        // Books, fans and awards of both authors: a Scan each; then the chapters of the three books: one Scan.
        Assert.Equal(["Scan", "Scan", "Scan", "Scan", "TransactWriteItems"], log.Operations);
        var warnings = log.MessagesOf(DynamoDbEventId.ScanQueryWarning);
        Assert.Contains(warnings, w => w.Contains("'Book.AuthorId -> Author'", StringComparison.Ordinal)
            && w.Contains("MapIndexesToGlobalSecondaryIndexes", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("'Chapter.BookId -> Book'", StringComparison.Ordinal));
        Assert.Equal(["uc"], (await fixture.ScanRawAsync("Authors")).Select(i => i["Id"].S));
        Assert.Equal(["uc-b0"], (await fixture.ScanRawAsync("Books")).Select(i => i["Id"].S));
        Assert.Equal(["uc-b0-c0"], (await fixture.ScanRawAsync("Chapters")).Select(i => i["Id"].S));
        Assert.All(await fixture.ScanRawAsync("Fans"), f => Assert.False(f.TryGetValue("AuthorId", out var v) && v.NULL != true));
    }
}
