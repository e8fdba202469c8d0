using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// The per-query options: <c>WithConsistentRead()</c>, <c>ToPageAsync(pageSize, token)</c> (pages that together
/// are the whole LINQ result, tokens that cannot be misused), and <c>WithParallelScan(segments)</c>.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class QueryOptionTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    [Fact]
    public async Task WithConsistentRead_sets_ConsistentRead_on_Query_GetItem_and_Scan()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var partition = await context.Tickets.Where(t => t.Project == "apollo" && t.Points > 4).WithConsistentRead().ToListAsync();
        var single = await context.Tickets.WithConsistentRead().FirstOrDefaultAsync(t => t.Project == "borealis" && t.Code == "FEAT-002");
        var scanned = await context.Tickets.WithConsistentRead().CountAsync(t => t.Points == 0);

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "apollo" && t.Points > 4).Keys(), partition.Keys());
        Assert.Equal("borealis/FEAT-002", single is null ? null : TicketKeys.Key(single));
        Assert.Equal(fixture.Tickets.Count(t => t.Points == 0), scanned);
        Assert.Equal(["Query", "GetItem", "Scan"], log.Operations);
        Assert.All(log.Requests, r => Assert.True(r.Details().Bool("ConsistentRead")));
    }

    [Fact]
    public async Task Without_WithConsistentRead_reads_are_eventually_consistent()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        await context.Tickets.Where(t => t.Project == "apollo" && t.Points > 5).ToListAsync();

        Assert.Null(Assert.Single(log.Requests).Details().Bool("ConsistentRead"));
    }

    [Fact]
    public async Task ToPageAsync_walks_every_page_of_a_filtered_Query()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var pages = await ReadAllPagesAsync(context.Tickets.Where(t => t.Project == "borealis" && t.Points > 2), 3);

        var expected = fixture.Tickets.Where(t => t.Project == "borealis" && t.Points > 2).OrderBy(t => t.Code, StringComparer.Ordinal).OrderedKeys();
        Assert.Equal(expected, pages.SelectMany(p => p.Values).OrderedKeys());
        AssertFullPagesThenLast(pages, 3);
        Assert.All(log.Requests, r => Assert.Equal(("Query", null), (r.Operation, r.IndexName)));
    }

    [Fact]
    public async Task ToPageAsync_walks_every_page_of_a_Query_ordered_by_the_sort_key_descending()
    {
        await using var context = fixture.CreateContext();

        var pages = await ReadAllPagesAsync(context.Tickets.Where(t => t.Project == "cygnus").OrderByDescending(t => t.Code).Select(t => t.Code), 4);

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "cygnus").Select(t => t.Code).OrderDescending(StringComparer.Ordinal), pages.SelectMany(p => p.Values));
        AssertFullPagesThenLast(pages, 4);
    }

    [Fact]
    public async Task ToPageAsync_walks_every_page_of_a_filtered_Scan()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var query = context.Tickets.Where(t => t.Severity != Severity.Low && t.Points < 9);

        var pages = await ReadAllPagesAsync(query, 4);
        var all = await query.AsNoTracking().ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Severity != Severity.Low && t.Points < 9).Keys(), pages.SelectMany(p => p.Values).Keys());
        Assert.Equal(all.OrderedKeys(), pages.SelectMany(p => p.Values).OrderedKeys());
        AssertFullPagesThenLast(pages, 4);
        Assert.All(log.Operations, o => Assert.Equal("Scan", o));
    }

    [Fact]
    public async Task ToPageAsync_walks_every_page_of_a_global_index_Query()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var pages = await ReadAllPagesAsync(context.Tickets.Where(t => t.Assignee == "ben" && t.Points != 3), 2);

        var expected = fixture.Tickets.Where(t => t.Assignee == "ben" && t.Points != 3).OrderBy(t => t.Opened).OrderedKeys();
        Assert.Equal(expected, pages.SelectMany(p => p.Values).OrderedKeys());
        AssertFullPagesThenLast(pages, 2);
        Assert.All(log.Requests, r => Assert.Equal(("Query", "ByAssignee"), (r.Operation, r.IndexName)));
    }

    [Fact]
    public async Task ToPageAsync_walks_every_page_of_a_keys_only_index_projection()
    {
        await using var context = fixture.CreateContext();

        var pages = await ReadAllPagesAsync(context.Tickets.Where(t => t.State == TicketState.Open).Select(t => new { t.Points, t.Project, t.Code }), 3);

        Assert.Equal(
            fixture.Tickets.Where(t => t.State == TicketState.Open).Select(t => new { t.Points, t.Project, t.Code }).OrderBy(r => r.Points).ThenBy(r => r.Project + "/" + r.Code, StringComparer.Ordinal),
            pages.SelectMany(p => p.Values).OrderBy(r => r.Points).ThenBy(r => r.Project + "/" + r.Code, StringComparer.Ordinal));
        Assert.Equal(pages.SelectMany(p => p.Values).Select(r => r.Points).Order(), pages.SelectMany(p => p.Values).Select(r => r.Points));
        AssertFullPagesThenLast(pages, 3);
    }

    [Fact]
    public async Task ToPageAsync_with_a_tampered_token_throws_ArgumentException_and_sends_nothing()
    {
        await using var context = fixture.CreateContext();
        var query = context.Tickets.Where(t => t.Project == "apollo");
        var token = (await query.ToPageAsync(2, null)).ContinuationToken!;
        var separator = token.IndexOf('.', StringComparison.Ordinal);
        var payload = Convert.FromBase64String(token[(separator + 1)..]);
        payload[^3] ^= 0x01;
        var tampered = token[..(separator + 1)] + Convert.ToBase64String(payload);
        var log = new RequestLog();
        await using var logged = fixture.CreateContext(log);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => logged.Tickets.Where(t => t.Project == "apollo").ToPageAsync(2, tampered));
        await Assert.ThrowsAsync<ArgumentException>(() => logged.Tickets.Where(t => t.Project == "apollo").ToPageAsync(2, "not a token"));
        await Assert.ThrowsAsync<ArgumentException>(() => logged.Tickets.Where(t => t.Project == "apollo").ToPageAsync(2, token[..^4]));

        Assert.Equal("continuationToken", exception.ParamName);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task ToPageAsync_with_a_token_of_another_table_or_index_throws_ArgumentException_and_sends_nothing()
    {
        await using var context = fixture.CreateContext();
        var tableToken = (await context.Tickets.Where(t => t.Project == "apollo").ToPageAsync(2, null)).ContinuationToken!;
        var indexToken = (await context.Tickets.Where(t => t.Assignee == "ana").ToPageAsync(2, null)).ContinuationToken!;
        var log = new RequestLog();
        await using var logged = fixture.CreateContext(log);
        var otherOptions = new DbContextOptionsBuilder<TicketsContext>()
            .UseDynamoDb(d => d.ServiceUrl(fixture.Server.ServiceUrl).TableNamePrefix(DynamoDbContextFixture<TicketsContext>.NewTableNamePrefix()))
            .ForTests();
        log.AttachTo(otherOptions);
        await using var otherTable = new TicketsContext(otherOptions.Options);

        await Assert.ThrowsAsync<ArgumentException>(() => logged.Tickets.Where(t => t.Assignee == "ana").ToPageAsync(2, tableToken));
        await Assert.ThrowsAsync<ArgumentException>(() => logged.Tickets.Where(t => t.Project == "apollo").ToPageAsync(2, indexToken));
        await Assert.ThrowsAsync<ArgumentException>(() => otherTable.Tickets.Where(t => t.Project == "apollo").ToPageAsync(2, tableToken));

        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task ToPageAsync_after_a_client_side_ordering_or_with_a_parallel_scan_is_an_error()
    {
        await using var context = fixture.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Tickets.OrderBy(t => t.Points).ToPageAsync(5, null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Tickets.WithParallelScan(2).ToPageAsync(5, null));
    }

    [Fact]
    public async Task WithParallelScan_reads_each_segment_and_returns_what_a_scan_returns()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var parallel = await context.Tickets.WithParallelScan(4).Where(t => t.Points > 3).ToListAsync();
        var scanRequests = log.Requests.ToList();
        var serial = await context.Tickets.Where(t => t.Points > 3).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Points > 3).Keys(), parallel.Keys());
        Assert.Equal(serial.Keys(), parallel.Keys());
        Assert.Equal(4, scanRequests.Count);
        Assert.All(scanRequests, r => Assert.Equal(("Scan", 4), (r.Operation, r.Details().Int("TotalSegments"))));
        Assert.Equal([0, 1, 2, 3], scanRequests.Select(r => r.Details().Int("Segment")!.Value).Order());
    }

    [Fact]
    public async Task WithParallelScan_of_projections_and_aggregates()
    {
        await using var context = fixture.CreateContext();

        var codes = await context.Tickets.WithParallelScan(3).Select(t => t.Project + "/" + t.Code).ToListAsync();
        var sum = await context.Tickets.WithParallelScan(3).SumAsync(t => t.Estimate);
        var count = await context.Tickets.WithParallelScan(5).CountAsync(t => t.Blocked == true);
        var two = await context.Tickets.WithParallelScan(3).Where(t => t.Points > 1).Take(2).ToListAsync();

        Assert.Equal(fixture.Tickets.Keys(), codes.Order(StringComparer.Ordinal));
        Assert.Equal(fixture.Tickets.Sum(t => t.Estimate), sum);
        Assert.Equal(fixture.Tickets.Count(t => t.Blocked == true), count);
        Assert.Equal(2, two.Select(TicketKeys.Key).Distinct().Count());
        Assert.All(two, t => Assert.True(t.Points > 1));
    }

    [Fact]
    public async Task WithParallelScan_on_a_Query_reads_the_partition_with_one_Query()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.Project == "cygnus").WithParallelScan(4).ToListAsync();
        var count = await context.Tickets.Where(t => t.Project == "cygnus" && t.Points > 2).WithParallelScan(4).CountAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "cygnus").Keys(), tickets.Keys());
        Assert.Equal(fixture.Tickets.Count(t => t.Project == "cygnus" && t.Points > 2), count);
        Assert.Equal(["Query", "Query"], log.Operations);
    }

    [Fact]
    public void WithParallelScan_rejects_a_segment_count_out_of_range()
    {
        using var context = fixture.CreateContext();

        Assert.Throws<ArgumentOutOfRangeException>(() => context.Tickets.WithParallelScan(0));
        Assert.Contains(DynamoDbStrings.InvalidSegmentCount(1_000_001), Assert.Throws<ArgumentOutOfRangeException>(() => context.Tickets.WithParallelScan(1_000_001)).Message, StringComparison.Ordinal);
    }

    private static async Task<List<DynamoDbPage<T>>> ReadAllPagesAsync<T>(IQueryable<T> query, int pageSize)
    {
        var pages = new List<DynamoDbPage<T>>();
        string? token = null;
        do
        {
            var page = await query.ToPageAsync(pageSize, token);
            pages.Add(page);
            token = page.ContinuationToken;
            Assert.True(pages.Count < 100, "The pages never end.");
        }
        while (token is not null);

        return pages;
    }

    // Every page but the last is full; the last one ends the walk (it may be empty when the one before was full).
    private static void AssertFullPagesThenLast<T>(List<DynamoDbPage<T>> pages, int pageSize)
    {
        Assert.True(pages.Count >= 2, $"Expected several pages, got {pages.Count}.");
        Assert.All(pages.SkipLast(1), p => Assert.Equal(pageSize, p.Values.Count));
        Assert.InRange(pages[^1].Values.Count, 0, pageSize);
        Assert.Null(pages[^1].ContinuationToken);
    }
}
