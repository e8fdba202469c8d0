using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// Ordering, paging operators, projections and aggregates return what LINQ-to-Objects returns over the same seed.
/// Sequences are written once against IQueryable and run both through EF and over the in-memory seed.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class QueryOperatorTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    // Queries whose result order is defined by the query itself.
    private static readonly Dictionary<string, Func<IQueryable<Order>, IQueryable<object?>>> OrderedSequences = new()
    {
        ["Partition ordered by sort key descending"] = q => q.Where(o => o.CustomerId == "c2").OrderByDescending(o => o.OrderNumber).Select(o => (object?)o.OrderNumber),
        ["Partition ordered by sort key, Take"] = q => q.Where(o => o.CustomerId == "c4").OrderBy(o => o.OrderNumber).Take(3).Select(o => (object?)o.OrderNumber),
        ["Partition ordered by sort key descending, Skip and Take"] = q => q.Where(o => o.CustomerId == "c1").OrderByDescending(o => o.OrderNumber).Skip(2).Take(3).Select(o => (object?)o.OrderNumber),
        ["Table ordered by Total then key"] = q => q.OrderBy(o => o.Total).ThenBy(o => o.CustomerId).ThenBy(o => o.OrderNumber).Select(o => (object?)(o.CustomerId + "/" + o.OrderNumber)),
        ["Table ordered by Date descending"] = q => q.OrderByDescending(o => o.Date).Select(o => (object?)(o.CustomerId + "/" + o.OrderNumber)),
        ["Partition filtered, ordered by a non-key attribute"] = q => q.Where(o => o.CustomerId == "c3" && o.Name != null).OrderBy(o => o.PlacedAt).Select(o => (object?)o.OrderNumber),
        ["Projection of two properties"] = q => q.Where(o => o.CustomerId == "c5").OrderBy(o => o.OrderNumber).Select(o => (object?)new { o.OrderNumber, o.Total }),
        ["Projection of a nullable property"] = q => q.Where(o => o.CustomerId == "c3").OrderBy(o => o.OrderNumber).Select(o => (object?)o.Quantity),
    };

    // Queries compared as sets.
    private static readonly Dictionary<string, Func<IQueryable<Order>, IQueryable<object?>>> UnorderedSequences = new()
    {
        ["Distinct statuses"] = q => q.Select(o => o.Status).Distinct().Select(s => (object?)s),
        ["Projection of names on a scan"] = q => q.Where(o => o.Total > 50m).Select(o => (object?)o.Name),
    };

    private static readonly Dictionary<string, (Func<IQueryable<Order>, Task<object?>> Database, Func<IQueryable<Order>, object?> Objects)> Scalars = new()
    {
        ["Count"] = (q => Box(q.CountAsync()), q => q.Count()),
        ["Count of a partition"] = (q => Box(q.CountAsync(o => o.CustomerId == "c1")), q => q.Count(o => o.CustomerId == "c1")),
        ["Count of a filter"] = (q => Box(q.CountAsync(o => o.Shipped && o.Quantity != null)), q => q.Count(o => o.Shipped && o.Quantity != null)),
        ["LongCount"] = (q => Box(q.LongCountAsync(o => o.Status == OrderStatus.Paid)), q => q.LongCount(o => o.Status == OrderStatus.Paid)),
        ["Any that matches"] = (q => Box(q.AnyAsync(o => o.Note == "fragile")), q => q.Any(o => o.Note == "fragile")),
        ["Any that does not match"] = (q => Box(q.AnyAsync(o => o.CustomerId == "c1" && o.Total > 10_000m)), q => q.Any(o => o.CustomerId == "c1" && o.Total > 10_000m)),
        ["Max of the sort key in a partition"] = (q => Box(q.Where(o => o.CustomerId == "c2").MaxAsync(o => o.OrderNumber)), q => q.Where(o => o.CustomerId == "c2").Max(o => o.OrderNumber)),
        ["Min of the sort key in a partition"] = (q => Box(q.Where(o => o.CustomerId == "c2").MinAsync(o => o.OrderNumber)), q => q.Where(o => o.CustomerId == "c2").Min(o => o.OrderNumber)),
        ["Sum of Total"] = (q => Box(q.SumAsync(o => o.Total)), q => q.Sum(o => o.Total)),
        ["Average of Total in a partition"] = (q => Box(q.Where(o => o.CustomerId == "c3").AverageAsync(o => o.Total)), q => q.Where(o => o.CustomerId == "c3").Average(o => o.Total)),
        ["Max of a nullable property"] = (q => Box(q.MaxAsync(o => o.Quantity)), q => q.Max(o => o.Quantity)),
        ["Min of a date"] = (q => Box(q.MinAsync(o => o.Date)), q => q.Min(o => o.Date)),
        ["First by Total descending"] = (q => Box(q.OrderByDescending(o => o.Total).ThenBy(o => o.CustomerId).ThenBy(o => o.OrderNumber).Select(o => o.CustomerId + "/" + o.OrderNumber).FirstAsync()),
            q => q.OrderByDescending(o => o.Total).ThenBy(o => o.CustomerId).ThenBy(o => o.OrderNumber).Select(o => o.CustomerId + "/" + o.OrderNumber).First()),
    };

    public static TheoryData<string> OrderedSequenceNames => new(OrderedSequences.Keys);

    public static TheoryData<string> UnorderedSequenceNames => new(UnorderedSequences.Keys);

    public static TheoryData<string> ScalarNames => new(Scalars.Keys);

    [Theory]
    [MemberData(nameof(OrderedSequenceNames))]
    public async Task Ordered_query_returns_what_LINQ_to_Objects_returns_in_the_same_order(string name)
    {
        var query = OrderedSequences[name];
        await using var context = fixture.CreateContext();

        var actual = await query(context.Orders).ToListAsync();

        Assert.Equal(query(fixture.Orders.AsQueryable()).ToList(), actual);
    }

    [Theory]
    [MemberData(nameof(UnorderedSequenceNames))]
    public async Task Unordered_query_returns_what_LINQ_to_Objects_returns(string name)
    {
        var query = UnorderedSequences[name];
        await using var context = fixture.CreateContext();

        var actual = await query(context.Orders).ToListAsync();

        Assert.Equal(Sorted(query(fixture.Orders.AsQueryable())), Sorted(actual));
    }

    [Theory]
    [MemberData(nameof(ScalarNames))]
    public async Task Scalar_query_returns_what_LINQ_to_Objects_returns(string name)
    {
        var (database, objects) = Scalars[name];
        await using var context = fixture.CreateContext();

        var actual = await database(context.Orders);

        Assert.Equal(objects(fixture.Orders.AsQueryable()), actual);
    }

    // Select=COUNT sends its own requests: while it runs, the context refuses a second operation as EF's providers do
    // (EF Core's ConcurrencyDetectorEnabled specification tests: Count and Any).
    [Theory]
    [InlineData("Count")]
    [InlineData("Any")]
    public async Task Counting_with_Select_COUNT_is_one_operation_on_the_context(string aggregate)
    {
        await using var context = fixture.CreateContext();

        // Another operation holds the context: entered on another thread, as EF lets one async flow re-enter.
        ConcurrencyDetectorCriticalSectionDisposer otherOperation = default;
        await Task.Run(() => otherOperation = context.GetService<IConcurrencyDetector>().EnterCriticalSection());
        using (otherOperation)
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(
                () => aggregate == "Count" ? context.Orders.CountAsync() : context.Orders.AnyAsync(o => o.Total > 0m));
            Assert.Equal(CoreStrings.ConcurrentMethodInvocation, exception.Message);
        }

        Assert.Equal(fixture.Orders.Count, await context.Orders.CountAsync());
    }

    private static async Task<object?> Box<T>(Task<T> task) => await task;

    private static List<string> Sorted(IEnumerable<object?> values)
        => values.Select(v => v?.ToString() ?? "<null>").Order(StringComparer.Ordinal).ToList();
}
