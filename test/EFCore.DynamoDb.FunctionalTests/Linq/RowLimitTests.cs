using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// Take, Skip, First, Single, ElementAt and Last keep EF's semantics when a FilterExpression makes matches sparse
/// and spread over several 1 MB DynamoDB pages (DynamoDB's Limit counts items read, not items matched): the
/// provider pages until it has the rows the LINQ result needs. Results equal LINQ-to-Objects; unordered results are
/// checked to be the right number of distinct matches.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class RowLimitTests(ChunksFixture fixture) : IClassFixture<ChunksFixture>
{
    [Fact]
    public async Task A_filtered_scan_of_the_large_chunks_crosses_several_pages()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var hits = await context.Chunks.AsNoTracking().Where(c => c.Hit && c.Amount > 2m).Select(c => c.Seq).ToListAsync();

        Assert.Equal(ChunksFixture.LargeHits, hits.Order());
        Assert.True(log.Operations.Count >= 3, $"Expected several Scan pages, got {log.Operations.Count}.");
        Assert.All(log.Operations, o => Assert.Equal("Scan", o));
    }

    [Fact]
    public async Task Take_of_a_filtered_scan_returns_that_many_distinct_matches_from_several_pages()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var chunks = await context.Chunks.AsNoTracking().Where(c => c.Hit && c.Amount > 2m).Take(3).ToListAsync();

        Assert.Equal(3, chunks.Select(c => c.ToString()).Distinct().Count());
        Assert.All(chunks, c => Assert.True(c.Shard == "a" && ChunksFixture.LargeHits.Contains(c.Seq), c.ToString()));
        Assert.All(chunks, c => Assert.Equal(ChunksFixture.LargePayload, c.Payload.Length));
        Assert.True(log.Operations.Count >= 2, $"Expected several Scan pages, got {log.Operations.Count}.");
        Assert.All(log.Requests, r => Assert.Null(r.Details().Int("Limit")));
    }

    [Fact]
    public async Task Take_after_an_ordering_returns_the_LINQ_rows()
    {
        await using var context = fixture.CreateContext();

        var keys = await context.Chunks.Where(c => c.Hit).OrderBy(c => c.Seq).ThenBy(c => c.Shard).Take(4).Select(c => c.Shard + "/" + c.Seq).ToListAsync();

        Assert.Equal(fixture.Chunks.Where(c => c.Hit).OrderBy(c => c.Seq).ThenBy(c => c.Shard).Take(4).Select(c => c.Shard + "/" + c.Seq), keys);
    }

    [Fact]
    public async Task Take_with_a_captured_count_is_reused_with_each_value()
    {
        await using var context = fixture.CreateContext();

        foreach (var count in new[] { 4, 1, 7, 0 })
        {
            var seqs = await context.Chunks.Where(c => c.Shard == "a" && c.Hit).Take(count).Select(c => c.Seq).ToListAsync();

            Assert.Equal(fixture.Chunks.Where(c => c.Shard == "a" && c.Hit).Take(count).Select(c => c.Seq), seqs);
        }
    }

    [Fact]
    public async Task Take_zero_sends_nothing()
    {
        var take = 0;
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        Assert.Empty(await context.Chunks.Where(c => c.Hit).Take(take).ToListAsync());
        Assert.Empty(await context.Chunks.Where(c => c.Hit).Take(0).ToListAsync());
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task Skip_of_a_filtered_scan_drops_that_many_matches()
    {
        await using var context = fixture.CreateContext();

        var seqs = await context.Chunks.Where(c => c.Hit && c.Amount > 2m).Skip(2).Select(c => c.Seq).ToListAsync();

        Assert.Equal(ChunksFixture.LargeHits.Length - 2, seqs.Distinct().Count());
        Assert.All(seqs, s => Assert.Contains(s, ChunksFixture.LargeHits));
    }

    [Fact]
    public async Task Skip_and_Take_of_a_partition_larger_than_a_page_return_the_LINQ_rows()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var seqs = await context.Chunks.Where(c => c.Shard == "a").Skip(5).Take(8).Select(c => c.Seq).ToListAsync();

        Assert.Equal(fixture.Chunks.Where(c => c.Shard == "a").Skip(5).Take(8).Select(c => c.Seq), seqs);
        Assert.Equal(13, log.Requests[0].Details().Int("Limit"));
        Assert.All(log.Operations, o => Assert.Equal("Query", o));
    }

    [Fact]
    public async Task Skip_and_Take_of_a_filtered_partition_return_the_LINQ_rows()
    {
        await using var context = fixture.CreateContext();

        var seqs = await context.Chunks.Where(c => c.Shard == "a" && c.Hit).OrderByDescending(c => c.Seq).Skip(1).Take(3).Select(c => c.Seq).ToListAsync();

        Assert.Equal(fixture.Chunks.Where(c => c.Shard == "a" && c.Hit).OrderByDescending(c => c.Seq).Skip(1).Take(3).Select(c => c.Seq), seqs);
    }

    [Fact]
    public async Task First_finds_a_match_on_a_later_page()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var chunk = await context.Chunks.AsNoTracking().FirstAsync(c => c.Hit && c.Seq > 15);

        Assert.Contains(chunk.ToString(), new[] { "a/17", "a/20" });
        Assert.All(log.Operations, o => Assert.Equal("Scan", o));
    }

    [Fact]
    public async Task FirstOrDefault_without_a_match_reads_every_page_and_returns_null()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        Assert.Null(await context.Chunks.FirstOrDefaultAsync(c => c.Hit && c.Seq > 20));
        Assert.True(log.Operations.Count >= 3, $"Expected several Scan pages, got {log.Operations.Count}.");
    }

    [Fact]
    public async Task First_without_a_match_throws()
    {
        await using var context = fixture.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Chunks.FirstAsync(c => c.Hit && c.Seq > 20));
    }

    [Fact]
    public async Task Single_returns_the_only_match_of_a_multi_page_scan()
    {
        await using var context = fixture.CreateContext();

        var chunk = await context.Chunks.AsNoTracking().SingleAsync(c => c.Hit && c.Seq == 17);

        Assert.Equal("a/17", chunk.ToString());
    }

    [Fact]
    public async Task Single_with_two_matches_on_different_pages_throws()
    {
        await using var context = fixture.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Chunks.SingleAsync(c => c.Hit && c.Seq > 15));
    }

    [Fact]
    public async Task SingleOrDefault_returns_null_without_a_match_and_throws_with_two()
    {
        await using var context = fixture.CreateContext();

        Assert.Null(await context.Chunks.SingleOrDefaultAsync(c => c.Hit && c.Seq == 18));
        Assert.Equal("b/5", (await context.Chunks.AsNoTracking().SingleOrDefaultAsync(c => c.Hit && c.Seq == 5))?.ToString());
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Chunks.SingleOrDefaultAsync(c => c.Hit && c.Seq < 5));
    }

    [Fact]
    public async Task ElementAt_of_an_ordered_filtered_partition()
    {
        await using var context = fixture.CreateContext();
        var query = context.Chunks.Where(c => c.Shard == "a" && c.Hit).OrderBy(c => c.Seq).Select(c => c.Seq);
        var expected = fixture.Chunks.Where(c => c.Shard == "a" && c.Hit).OrderBy(c => c.Seq).Select(c => c.Seq).ToList();

        Assert.Equal(expected.ElementAt(3), await query.ElementAtAsync(3));
        Assert.Equal(0, await query.ElementAtOrDefaultAsync(expected.Count));
        // As in EF's other providers, ElementAt past the end is First of nothing.
        await Assert.ThrowsAsync<InvalidOperationException>(() => query.ElementAtAsync(expected.Count));
    }

    [Fact]
    public async Task ElementAt_of_a_scan_ordered_on_the_client()
    {
        await using var context = fixture.CreateContext();

        var key = await context.Chunks.Where(c => c.Weight != null).OrderByDescending(c => c.Weight).ThenBy(c => c.Seq).Select(c => c.Shard + "/" + c.Seq).ElementAtAsync(6);

        Assert.Equal(fixture.Chunks.Where(c => c.Weight != null).OrderByDescending(c => c.Weight).ThenBy(c => c.Seq).Select(c => c.Shard + "/" + c.Seq).ElementAt(6), key);
    }

    [Fact]
    public async Task Last_of_a_partition_ordered_by_the_sort_key_reads_one_item_backwards()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var last = await context.Chunks.AsNoTracking().Where(c => c.Shard == "a").OrderBy(c => c.Seq).LastAsync();

        Assert.Equal("a/20", last.ToString());
        var details = Assert.Single(log.Requests).Details();
        Assert.Equal(1, details.Int("Limit"));
        Assert.False(details.Bool("ScanIndexForward"));
    }

    [Fact]
    public async Task Last_and_LastOrDefault_after_a_client_side_ordering()
    {
        await using var context = fixture.CreateContext();

        var last = await context.Chunks.Where(c => c.Hit).OrderBy(c => c.Amount).Select(c => c.Shard + "/" + c.Seq).LastAsync();
        var none = await context.Chunks.Where(c => c.Hit && c.Seq > 20).OrderBy(c => c.Amount).LastOrDefaultAsync();
        var lastOfFilter = await context.Chunks.Where(c => c.Shard == "b" && c.Weight != null).OrderBy(c => c.Seq).Select(c => c.Seq).LastOrDefaultAsync();

        Assert.Equal(fixture.Chunks.Where(c => c.Hit).OrderBy(c => c.Amount).Select(c => c.Shard + "/" + c.Seq).Last(), last);
        Assert.Null(none);
        Assert.Equal(fixture.Chunks.Where(c => c.Shard == "b" && c.Weight != null).OrderBy(c => c.Seq).Select(c => c.Seq).LastOrDefault(), lastOfFilter);
    }

    [Fact]
    public async Task ToPageAsync_walks_every_page_of_a_sparse_filtered_scan_across_DynamoDB_pages()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var query = context.Chunks.Where(c => c.Hit).Select(c => c.Shard + "/" + c.Seq);
        var pages = new List<DynamoDbPage<string>>();
        string? token = null;
        do
        {
            var page = await query.ToPageAsync(2, token);
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null && pages.Count < 20);

        Assert.Equal(fixture.Chunks.Where(c => c.Hit).Select(c => c.Shard + "/" + c.Seq).Order(StringComparer.Ordinal), pages.SelectMany(p => p.Values).Order(StringComparer.Ordinal));
        Assert.Equal(await query.ToListAsync(), pages.SelectMany(p => p.Values));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(2, p.Values.Count));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.True(log.Operations.Count > pages.Count, "Expected pages that need several Scan requests.");
    }

    [Fact]
    public async Task WithParallelScan_of_a_multi_page_filtered_scan_returns_what_a_scan_returns()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var seqs = await context.Chunks.WithParallelScan(3).Where(c => c.Hit || c.Seq == 1).Select(c => c.Shard + "/" + c.Seq).ToListAsync();

        Assert.Equal(fixture.Chunks.Where(c => c.Hit || c.Seq == 1).Select(c => c.Shard + "/" + c.Seq).Order(StringComparer.Ordinal), seqs.Order(StringComparer.Ordinal));
        Assert.Equal([0, 1, 2], log.Requests.Select(r => r.Details().Int("Segment")!.Value).Distinct().Order());
        Assert.True(log.Requests.Count > 3, "Expected a segment that needs several Scan pages.");
    }
}
