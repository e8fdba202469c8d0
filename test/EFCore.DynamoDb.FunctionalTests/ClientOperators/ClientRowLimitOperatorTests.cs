using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.FunctionalTests.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.ClientOperators;

/// <summary>
/// Operators after Skip/Take apply to the rows Skip/Take selected, on the client: the request is the one the query
/// without them sends (a partition's ordered Query with its Limit), and the results equal LINQ-to-Objects'.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ClientRowLimitOperatorTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    private static readonly Dictionary<string, Func<IQueryable<Order>, IQueryable<object?>>> Sequences = new()
    {
        ["Take, then OrderBy another attribute"] = q => q.Where(o => o.CustomerId == "c1").OrderBy(o => o.OrderNumber).Take(5)
            .OrderByDescending(o => o.Total).ThenBy(o => o.OrderNumber).Select(o => (object?)o.OrderNumber),
        ["Skip, then Distinct"] = q => q.Where(o => o.CustomerId == "c2").OrderBy(o => o.OrderNumber).Skip(2)
            .Select(o => o.Shipped).Distinct().Select(s => (object?)s),
        ["Take, then Where"] = q => q.Where(o => o.CustomerId == "c3").OrderBy(o => o.OrderNumber).Take(6)
            .Where(o => o.Total > 0).Select(o => (object?)o.OrderNumber),
        ["Take, then Reverse"] = q => q.Where(o => o.CustomerId == "c4").OrderBy(o => o.OrderNumber).Take(4).Reverse()
            .Select(o => (object?)o.OrderNumber),
        ["Take, then Skip"] = q => q.Where(o => o.CustomerId == "c5").OrderBy(o => o.OrderNumber).Take(6).Where(o => o.Total > -100m).Skip(2)
            .Select(o => (object?)o.OrderNumber),
    };

    private static readonly Dictionary<string, (Func<IQueryable<Order>, Task<object?>> Database, Func<IQueryable<Order>, object?> Objects)> Scalars = new()
    {
        ["Take, then Count with a predicate"] = (
            q => Box(q.Where(o => o.CustomerId == "c1").OrderBy(o => o.OrderNumber).Take(5).CountAsync(o => o.Shipped)),
            q => q.Where(o => o.CustomerId == "c1").OrderBy(o => o.OrderNumber).Take(5).Count(o => o.Shipped)),
        ["Take, then All"] = (
            q => Box(q.Where(o => o.CustomerId == "c2").OrderBy(o => o.OrderNumber).Take(3).AllAsync(o => o.Total > 0)),
            q => q.Where(o => o.CustomerId == "c2").OrderBy(o => o.OrderNumber).Take(3).All(o => o.Total > 0)),
        ["Take, then Last"] = (
            q => Box(q.Where(o => o.CustomerId == "c3").OrderBy(o => o.OrderNumber).Take(4).Select(o => o.OrderNumber).LastAsync()),
            q => q.Where(o => o.CustomerId == "c3").OrderBy(o => o.OrderNumber).Take(4).Select(o => o.OrderNumber).Last()),
        ["Take, then First with a predicate"] = (
            q => Box(q.Where(o => o.CustomerId == "c4").OrderBy(o => o.OrderNumber).Take(4).Select(o => o.OrderNumber).FirstOrDefaultAsync(n => n > 2)),
            q => q.Where(o => o.CustomerId == "c4").OrderBy(o => o.OrderNumber).Take(4).Select(o => o.OrderNumber).FirstOrDefault(n => n > 2)),
    };

    public static TheoryData<string> SequenceNames => new(Sequences.Keys);

    public static TheoryData<string> ScalarNames => new(Scalars.Keys);

    [Theory]
    [MemberData(nameof(SequenceNames))]
    public async Task Operators_after_Skip_or_Take_return_what_LINQ_to_Objects_returns_with_one_Query(string name)
    {
        var query = Sequences[name];
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await query(context.Orders).ToListAsync();

        Assert.Equal(query(fixture.Orders.AsQueryable()).ToList(), actual);
        Assert.Equal(["Query"], log.Operations);
    }

    [Theory]
    [MemberData(nameof(ScalarNames))]
    public async Task Single_results_after_Skip_or_Take_equal_LINQ_to_Objects_with_one_Query(string name)
    {
        var (database, objects) = Scalars[name];
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await database(context.Orders);

        Assert.Equal(objects(fixture.Orders.AsQueryable()), actual);
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public async Task Count_after_Take_is_counted_while_reading_without_a_warning()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        Assert.Equal(5, await context.Orders.Where(o => o.CustomerId == "c5").OrderBy(o => o.OrderNumber).Take(5).CountAsync());
        Assert.Equal(["Query"], log.Operations);
        Assert.DoesNotContain(DynamoDbEventId.ClientEvaluationWarning, log.EventIds);
    }

    [Fact]
    public async Task An_ordering_on_a_computed_key_is_made_on_the_client_with_missing_values_first()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders.Where(o => o.CustomerId == "c1")
            .OrderBy(o => o.Name!.Length).ThenByDescending(o => o.OrderNumber)
            .Take(4)
            .Select(o => o.OrderNumber)
            .ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c1")
            .OrderBy(o => o.Name == null ? (int?)null : o.Name.Length).ThenByDescending(o => o.OrderNumber)
            .Take(4)
            .Select(o => o.OrderNumber);
        Assert.Equal(expected, actual);
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public async Task The_warning_can_be_made_an_error()
    {
        await using var context = fixture.CreateContext(configure: o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ClientEvaluationWarning)));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Orders.Where(o => o.CustomerId == "c1").Take(2).Where(o => o.Shipped).Select(o => o.Note).ToListAsync());

        Assert.Contains("'Where'", exception.Message);
        Assert.Contains("'Order'", exception.Message);
    }

    private static async Task<object?> Box<T>(Task<T> task) => await task;

    [Fact]
    public async Task A_count_after_Take_does_not_track_the_entities_it_read_and_an_entity_result_is_tracked()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var count = await context.Orders.Where(o => o.CustomerId == "c1").Take(5).OrderBy(o => o.OrderNumber).CountAsync();

        Assert.Equal(fixture.Orders.Where(o => o.CustomerId == "c1").Take(5).Count(), count);
        Assert.Empty(context.ChangeTracker.Entries());
        Assert.Equal(["Query"], log.Operations);

        var first = await context.Orders.Where(o => o.CustomerId == "c1").OrderBy(o => o.OrderNumber).Take(5).OrderByDescending(o => o.OrderNumber).FirstAsync();

        Assert.Contains(context.ChangeTracker.Entries<Order>(), e => ReferenceEquals(e.Entity, first));
    }
}
