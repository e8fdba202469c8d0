using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.ClientEvaluation;

/// <summary>
/// The row operators stay exact when part of the predicate is checked on the client: over the posts of
/// <see cref="PostSeed.BigBlog" />, which a Query reads in several 1 MB pages and of which only
/// <see cref="PostSeed.Kept" /> pass the check, no Limit is sent (it would count items DynamoDB read, not items
/// that pass), reading stops as soon as the result is complete, and counting reads only keys and checked attributes.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ClientEvaluationRowLimitTests(ClientEvaluationFixture fixture) : IClassFixture<ClientEvaluationFixture>
{
    private static IQueryable<Post> Kept(ClientEvaluationContext context)
        => context.Posts.Where(p => p.Blog == PostSeed.BigBlog && p.Title!.ToUpper() == "KEEP");

    [Fact]
    public async Task The_kept_posts_span_several_pages()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var numbers = await Kept(context).Select(p => p.Number).ToListAsync();

        Assert.Equal(PostSeed.Kept, numbers);
        Assert.True(log.Requests.Count >= 3, $"Expected at least three Query pages, got {log.Requests.Count}.");
        Assert.All(log.Requests, r => Assert.Equal("Query", r.Operation));
        Assert.All(log.Requests, r => Assert.Null(r.Details().Int("Limit")));
    }

    [Fact]
    public async Task Take_returns_the_first_posts_that_pass_and_stops_reading()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var numbers = await Kept(context).Take(2).Select(p => p.Number).ToListAsync();

        Assert.Equal(PostSeed.Kept.Take(2), numbers);
        Assert.All(log.Requests, r => Assert.Null(r.Details().Int("Limit")));
        var all = new RequestLog();
        await using var reader = fixture.CreateContext(all);
        _ = await Kept(reader).ToListAsync();
        Assert.InRange(log.Requests.Count, 1, all.Requests.Count - 1);
    }

    [Fact]
    public async Task First_reads_only_the_first_page()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var first = await Kept(context).FirstAsync();

        Assert.Equal(PostSeed.Kept[0], first.Number);
        Assert.Single(log.Requests);
    }

    [Fact]
    public async Task Single_finds_the_second_match_on_a_later_page()
    {
        await using var context = fixture.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Kept(context).SingleAsync());
        Assert.Equal(PostSeed.Kept[1], (await Kept(context).SingleAsync(p => p.Number > PostSeed.Kept[0] && p.Number < PostSeed.Kept[2])).Number);
    }

    [Fact]
    public async Task Skip_Take_ElementAt_and_Last_count_only_the_posts_that_pass()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(PostSeed.Kept.Skip(1).Take(2), await Kept(context).Skip(1).Take(2).Select(p => p.Number).ToListAsync());
        Assert.Equal(PostSeed.Kept[2], (await Kept(context).ElementAtAsync(2)).Number);
        Assert.Equal(PostSeed.Kept[^1], (await Kept(context).OrderBy(p => p.Number).LastAsync()).Number);
        Assert.Null(await Kept(context).Skip(PostSeed.Kept.Length).FirstOrDefaultAsync());
    }

    [Fact]
    public async Task Count_reads_every_page_with_only_the_keys_and_the_checked_attribute()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var count = await Kept(context).CountAsync();
        var longCount = await Kept(context).LongCountAsync();

        Assert.Equal(PostSeed.Kept.Length, count);
        Assert.Equal(PostSeed.Kept.Length, longCount);
        Assert.All(log.Requests, r =>
        {
            var details = r.Details();
            Assert.Null(details.String("Select"));
            Assert.Equal(["Blog", "Number", "Title"], details.ProjectedNames());
        });
    }

    [Fact]
    public async Task Any_stops_at_the_first_match_and_All_reads_until_a_counterexample()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        Assert.True(await Kept(context).AnyAsync());
        Assert.Single(log.Requests);
        Assert.False(await context.Posts.Where(p => p.Blog == PostSeed.BigBlog).AllAsync(p => p.Title!.ToUpper() != "KEEP"));
        Assert.True(await context.Posts.Where(p => p.Blog == PostSeed.BigBlog).AllAsync(p => p.Title!.ToLower() == "keep" || p.Title!.ToLower() == "skip"));
        Assert.False(await context.Posts.AnyAsync(p => p.Blog == PostSeed.BigBlog && p.Title!.ToUpper() == "NONE"));
    }

    [Fact]
    public async Task ToPageAsync_pages_through_the_posts_that_pass_and_resumes_after_the_last_one_returned()
    {
        await using var context = fixture.CreateContext();
        var numbers = new List<int>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Kept(context).ToPageAsync(3, token);
            Assert.InRange(page.Values.Count, 0, 3);
            numbers.AddRange(page.Values.Select(p => p.Number));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(PostSeed.Kept, numbers);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task A_Scan_with_a_residual_counts_and_takes_exactly_too()
    {
        await using var context = fixture.CreateContext();
        var scanned = context.Posts.Where(p => p.Title!.ToUpper() == "KEEP" || p.Title!.ToUpper() == "ZEBRA");
        var expected = fixture.Posts.Where(p => p.Title?.ToUpper() is "KEEP" or "ZEBRA").ToList();

        Assert.Equal(expected.Count, await scanned.CountAsync());
        Assert.Equal(3, (await scanned.Take(3).ToListAsync()).Count);
        Assert.True(await scanned.AnyAsync());
    }
}
