using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// Count, LongCount, Any and All (DynamoDB counts with Select=COUNT over every page), Min/Max of a Query's sort key
/// (a one-item Query), and Sum/Average/Min/Max of other attributes (streamed through a ProjectionExpression of
/// that attribute) on Query and Scan paths whose results span several pages. Each equals LINQ-to-Objects.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class AggregateTests(ChunksFixture fixture) : IClassFixture<ChunksFixture>
{
    [Fact]
    public async Task Count_of_the_table_counts_every_page()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        Assert.Equal(fixture.Chunks.Count, await context.Chunks.CountAsync());
        Assert.All(log.Requests, r => Assert.Equal(("Scan", "COUNT"), (r.Operation, r.Details().String("Select"))));
    }

    [Fact]
    public async Task Count_and_LongCount_with_predicates_on_Scan_and_Query_paths()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        Assert.Equal(fixture.Chunks.Count(c => c.Hit), await context.Chunks.CountAsync(c => c.Hit));
        Assert.Equal(fixture.Chunks.LongCount(c => c.Weight > 10), await context.Chunks.LongCountAsync(c => c.Weight > 10));
        Assert.Equal(fixture.Chunks.Count(c => c.Shard == "a"), await context.Chunks.Where(c => c.Shard == "a").CountAsync());
        Assert.Equal(fixture.Chunks.LongCount(c => c.Shard == "a" && c.Hit), await context.Chunks.LongCountAsync(c => c.Shard == "a" && c.Hit));
        Assert.Equal(fixture.Chunks.Count(c => c.Shard == "a" && c.Seq >= 7 && c.Seq < 15), await context.Chunks.CountAsync(c => c.Shard == "a" && c.Seq >= 7 && c.Seq < 15));
        Assert.Contains(log.Requests, r => r.Operation == "Scan");
        Assert.Contains(log.Requests, r => r.Operation == "Query");
        Assert.Contains(log.Requests, r => r.Details().String("Select") == "COUNT");
    }

    [Fact]
    public async Task Any_with_and_without_predicates_on_Scan_and_Query_paths()
    {
        await using var context = fixture.CreateContext();

        Assert.True(await context.Chunks.AnyAsync());
        Assert.True(await context.Chunks.AnyAsync(c => c.Hit && c.Seq == 20));
        Assert.False(await context.Chunks.AnyAsync(c => c.Seq > 100));
        Assert.True(await context.Chunks.Where(c => c.Shard == "b").AnyAsync(c => c.Hit));
        Assert.False(await context.Chunks.AnyAsync(c => c.Shard == "c"));
        Assert.False(await context.Chunks.AnyAsync(c => c.Shard == "b" && c.Amount > 100m));
    }

    [Fact]
    public async Task All_on_Scan_and_Query_paths()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(fixture.Chunks.All(c => c.Amount > -5m), await context.Chunks.AllAsync(c => c.Amount > -5m));
        Assert.Equal(fixture.Chunks.All(c => c.Hit), await context.Chunks.AllAsync(c => c.Hit));
        Assert.Equal(fixture.Chunks.All(c => c.Weight != null || c.Ratio != null), await context.Chunks.AllAsync(c => c.Weight != null || c.Ratio != null));
        Assert.True(await context.Chunks.Where(c => c.Shard == "b").AllAsync(c => c.Seq <= 6));
        Assert.False(await context.Chunks.Where(c => c.Shard == "a").AllAsync(c => c.Weight != null));
        Assert.True(await context.Chunks.Where(c => c.Shard == "c").AllAsync(c => c.Hit));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Min_and_Max_of_the_sort_key_of_a_Query_read_one_item(bool max)
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var partition = context.Chunks.Where(c => c.Shard == "a");

        var value = max ? await partition.MaxAsync(c => c.Seq) : await partition.MinAsync(c => c.Seq);

        Assert.Equal(max ? 20 : 1, value);
        var request = Assert.Single(log.Requests);
        Assert.Equal("Query", request.Operation);
        var details = request.Details();
        Assert.Equal(1, details.Int("Limit"));
        Assert.Equal(max ? false : null, details.Bool("ScanIndexForward"));
        Assert.Equal(["Seq"], details.ProjectedNames());
    }

    [Fact]
    public async Task Min_and_Max_of_the_sort_key_of_a_filtered_Query_page_until_a_match()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(ChunksFixture.LargeHits.Max(), await context.Chunks.Where(c => c.Shard == "a" && c.Hit).MaxAsync(c => c.Seq));
        Assert.Equal(ChunksFixture.LargeHits.Min(), await context.Chunks.Where(c => c.Shard == "a" && c.Hit).MinAsync(c => c.Seq));
        Assert.Equal(7, await context.Chunks.Where(c => c.Shard == "a" && c.Seq > 6).MinAsync(c => c.Seq));
    }

    [Fact]
    public async Task Min_of_an_empty_partition_throws_and_Max_of_a_nullable_is_null()
    {
        await using var context = fixture.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Chunks.Where(c => c.Shard == "c").MinAsync(c => c.Seq));
        Assert.Null(await context.Chunks.Where(c => c.Shard == "c").MaxAsync(c => c.Weight));
        Assert.Null(await context.Chunks.Where(c => c.Shard == "c").AverageAsync(c => c.Ratio));
        Assert.Equal(0m, await context.Chunks.Where(c => c.Shard == "c").SumAsync(c => c.Amount));
    }

    [Fact]
    public async Task Decimal_aggregates_on_Query_and_Scan_paths()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var partition = fixture.Chunks.Where(c => c.Shard == "a").ToList();
        var hits = fixture.Chunks.Where(c => c.Hit).ToList();

        Assert.Equal(partition.Sum(c => c.Amount), await context.Chunks.Where(c => c.Shard == "a").SumAsync(c => c.Amount));
        Assert.Equal(partition.Average(c => c.Amount), await context.Chunks.Where(c => c.Shard == "a").AverageAsync(c => c.Amount));
        Assert.Equal(fixture.Chunks.Min(c => c.Amount), await context.Chunks.MinAsync(c => c.Amount));
        Assert.Equal(hits.Max(c => c.Amount), await context.Chunks.Where(c => c.Hit).MaxAsync(c => c.Amount));
        Assert.Equal(hits.Sum(c => c.Amount), await context.Chunks.Where(c => c.Hit).SumAsync(c => c.Amount));
        Assert.Equal(hits.Average(c => c.Amount), await context.Chunks.Where(c => c.Hit).AverageAsync(c => c.Amount));
        Assert.All(log.Requests, r => Assert.Equal(["Amount"], r.Details().ProjectedNames()));
        Assert.Contains(log.Requests, r => r.Operation == "Scan");
        Assert.Contains(log.Requests, r => r.Operation == "Query");
    }

    [Fact]
    public async Task Nullable_int_aggregates_on_Query_and_Scan_paths()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        Assert.Equal(fixture.Chunks.Sum(c => c.Weight), await context.Chunks.SumAsync(c => c.Weight));
        Assert.Equal(fixture.Chunks.Average(c => c.Weight), await context.Chunks.AverageAsync(c => c.Weight));
        Assert.Equal(fixture.Chunks.Min(c => c.Weight), await context.Chunks.MinAsync(c => c.Weight));
        Assert.Equal(fixture.Chunks.Where(c => c.Shard == "b").Max(c => c.Weight), await context.Chunks.Where(c => c.Shard == "b").MaxAsync(c => c.Weight));
        Assert.Equal(fixture.Chunks.Where(c => c.Shard == "a").Average(c => c.Weight), await context.Chunks.Where(c => c.Shard == "a").AverageAsync(c => c.Weight));
        Assert.All(log.Requests, r => Assert.Equal(["Weight"], r.Details().ProjectedNames()));
    }

    [Fact]
    public async Task Nullable_double_and_int_aggregates_on_Query_and_Scan_paths()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(fixture.Chunks.Sum(c => c.Ratio), await context.Chunks.SumAsync(c => c.Ratio));
        Assert.Equal(fixture.Chunks.Where(c => c.Hit).Average(c => c.Ratio), await context.Chunks.Where(c => c.Hit).AverageAsync(c => c.Ratio));
        Assert.Equal(fixture.Chunks.Where(c => c.Shard == "a").Max(c => c.Ratio), await context.Chunks.Where(c => c.Shard == "a").MaxAsync(c => c.Ratio));
        Assert.Equal(fixture.Chunks.Sum(c => c.Seq), await context.Chunks.SumAsync(c => c.Seq));
        Assert.Equal(fixture.Chunks.Where(c => c.Shard == "b").Average(c => c.Seq), await context.Chunks.Where(c => c.Shard == "b").AverageAsync(c => c.Seq));
    }

    [Fact]
    public async Task Aggregates_of_a_projection_computed_on_the_client()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(fixture.Chunks.Where(c => c.Shard == "a").Sum(c => c.Amount * 2), await context.Chunks.Where(c => c.Shard == "a").Select(c => c.Amount * 2).SumAsync());
        Assert.Equal(fixture.Chunks.Max(c => c.Seq + (c.Weight ?? 0)), await context.Chunks.Select(c => c.Seq + (c.Weight ?? 0)).MaxAsync());
    }
}
