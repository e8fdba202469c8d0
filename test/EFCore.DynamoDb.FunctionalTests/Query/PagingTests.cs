using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// Results larger than DynamoDB's 1 MB page: the provider follows LastEvaluatedKey until the LINQ result is
/// complete, and no further.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class PagingTests(PagingFixture fixture) : IClassFixture<PagingFixture>
{
    [Fact]
    public async Task ToList_of_a_partition_larger_than_one_page_returns_every_item()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var documents = await context.Documents.AsNoTracking().Where(d => d.Folder == "big").ToListAsync();

        Assert.Equal(Enumerable.Range(1, PagingFixture.LargeDocuments), documents.Select(d => d.Sequence));
        Assert.All(documents, d => Assert.Equal(300_000, d.Payload.Length));
        Assert.True(log.Operations.Count >= 2, $"Expected several Query pages, got {log.Operations.Count}.");
        Assert.All(log.Operations, o => Assert.Equal("Query", o));
    }

    [Fact]
    public async Task FirstOrDefault_with_a_filter_matching_only_the_last_item_of_a_large_partition_finds_it()
    {
        // DynamoDB Local applies the 1 MB page limit of a Query after its filter (DynamoDB applies it before), so
        // here this Query may come back in one page; the Scan test below is the one that crosses pages.
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var document = await context.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Folder == "big" && d.Flag);

        Assert.Equal(PagingFixture.LargeDocuments, document?.Sequence);
        Assert.All(log.Operations, o => Assert.Equal("Query", o));
    }

    [Fact]
    public async Task FirstOrDefault_with_a_filter_matching_only_an_item_on_a_later_Scan_page_finds_it()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var document = await context.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Flag && d.Sequence == PagingFixture.LargeDocuments);

        Assert.Equal("big", document?.Folder);
        Assert.True(log.Operations.Count >= 2, $"Expected several Scan pages, got {log.Operations.Count}.");
        Assert.All(log.Operations, o => Assert.Equal("Scan", o));
    }

    [Fact]
    public async Task FirstOrDefault_stops_reading_once_it_has_a_match()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var document = await context.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Folder == "big" && !d.Flag);

        Assert.Equal(1, document?.Sequence);
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public async Task Scan_matching_nothing_reads_every_page_and_returns_empty()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var documents = await context.Documents.AsNoTracking().Where(d => d.Payload == "absent").ToListAsync();

        Assert.Empty(documents);
        Assert.True(log.Operations.Count >= 2, $"Expected several Scan pages, got {log.Operations.Count}.");
        Assert.All(log.Operations, o => Assert.Equal("Scan", o));
    }
}
