using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.ClientEvaluation;

/// <summary>
/// Every <see cref="ClientPredicates" /> predicate returns the same posts from DynamoDB as from LINQ-to-Objects
/// over the same seed, through the operation it must become, with the translatable part in the FilterExpression.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ClientPredicateTests(ClientEvaluationFixture fixture) : IClassFixture<ClientEvaluationFixture>
{
    public static TheoryData<string> PredicateNames => new(ClientPredicates.All.Keys);

    [Theory]
    [MemberData(nameof(PredicateNames))]
    public async Task Where_returns_the_same_posts_as_LINQ_to_Objects_through_the_cheapest_request(string name)
    {
        var (predicate, expectedPredicate, operation, filtered) = ClientPredicates.All[name];
        var expected = Keys(fixture.Posts.Where(expectedPredicate ?? predicate.Compile()));
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var actual = Keys(await context.Posts.Where(predicate).ToListAsync());

        Assert.Equal(expected, actual);
        Assert.NotEmpty(expected);
        Assert.Equal([operation], log.Operations.Distinct());
        Assert.All(log.Requests, r => Assert.Equal(filtered.Order(StringComparer.Ordinal), r.Details().ReferencedNames("FilterExpression")));
    }

    [Theory]
    [MemberData(nameof(PredicateNames))]
    public async Task Count_returns_what_LINQ_to_Objects_counts(string name)
    {
        var (predicate, expectedPredicate, _, _) = ClientPredicates.All[name];
        await using var context = fixture.CreateContext();

        var count = await context.Posts.AsNoTracking().CountAsync(predicate);

        Assert.Equal(fixture.Posts.Count(expectedPredicate ?? predicate.Compile()), count);
    }

    [Fact]
    public async Task Items_that_fail_the_check_are_not_tracked()
    {
        await using var context = fixture.CreateContext();

        var posts = await context.Posts.Where(p => p.Blog == "alpha" && p.Title!.ToUpper() == "ZEBRA").ToListAsync();

        Assert.Equal(posts.Count, context.ChangeTracker.Entries().Count());
        Assert.All(posts, p => Assert.Equal("ZEBRA", p.Title!.ToUpperInvariant()));
    }

    [Fact]
    public async Task A_projection_reads_the_attributes_the_check_needs_and_returns_only_the_projected_values()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var numbers = await context.Posts.Where(p => p.Blog == "gamma" && p.Title!.ToLower().StartsWith("zebra")).Select(p => p.Number).ToListAsync();

        Assert.Equal(fixture.Posts.Where(p => p.Blog == "gamma" && p.Title?.ToLower().StartsWith("zebra") == true).Select(p => p.Number), numbers);
        Assert.Equal(["Number", "Title"], Assert.Single(log.Requests).Details().ProjectedNames());
    }

    [Fact]
    public async Task The_check_can_follow_a_projection()
    {
        await using var context = fixture.CreateContext();

        var titles = await context.Posts.Where(p => p.Blog == "alpha").Select(p => new { p.Number, p.Title }).Where(x => x.Title!.Length > x.Number).ToListAsync();

        Assert.Equal(
            fixture.Posts.Where(p => p.Blog == "alpha" && p.Title != null && p.Title.Length > p.Number).Select(p => p.Number),
            titles.Select(t => t.Number));
    }

    [Fact]
    public async Task The_warning_names_the_predicate_part_and_the_table_and_can_be_an_error()
    {
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            _ = await context.Posts.Where(p => p.Blog == "alpha" && p.Title!.PadLeft(20).Length == 20).ToListAsync();
        }

        Assert.Contains(DynamoDbEventId.ClientEvaluationWarning, log.EventIds);
        await using var strict = fixture.CreateContext(configure: o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ClientEvaluationWarning)));
        var message = (await Assert.ThrowsAsync<InvalidOperationException>(
            () => strict.Posts.Where(p => p.Blog == "alpha" && p.Title!.PadRight(20).Length == 20).ToListAsync())).Message;
        Assert.Contains("p.Title.PadRight(20).Length == 20", message, StringComparison.Ordinal);
        Assert.Contains(fixture.TableName("Posts"), message, StringComparison.Ordinal);
    }

    private static List<string> Keys(IEnumerable<Post> posts) => posts.Select(p => p.ToString()).Order(StringComparer.Ordinal).ToList();
}
