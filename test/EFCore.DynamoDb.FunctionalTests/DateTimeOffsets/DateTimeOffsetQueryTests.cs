using System.Linq.Expressions;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.DateTimeOffsets;

/// <summary>
/// DateTimeOffset values round-trip exactly, offset included, and compare by instant as C# does, in sort key
/// conditions and in filters: each query returns what LINQ to Objects returns over the same meetings.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class DateTimeOffsetQueryTests(MeetingsFixture fixture) : IClassFixture<MeetingsFixture>
{
    private static readonly DateTimeOffset Instant = MeetingsFixture.Instant;

    public static TheoryData<string> SortKeyConditions => new(SortKeyPredicates.Keys);

    public static TheoryData<string> Filters => new(FilterPredicates.Keys);

    private static readonly Dictionary<string, Expression<Func<Meeting, bool>>> SortKeyPredicates = new()
    {
        ["<"] = m => m.Room == "r1" && m.Starts < Instant,
        ["<="] = m => m.Room == "r1" && m.Starts <= Instant,
        [">"] = m => m.Room == "r1" && m.Starts > Instant,
        [">="] = m => m.Room == "r1" && m.Starts >= Instant,
        ["between"] = m => m.Room == "r1" && m.Starts >= Instant && m.Starts <= Instant.AddTicks(1),
    };

    private static readonly Dictionary<string, Expression<Func<Meeting, bool>>> FilterPredicates = new()
    {
        ["=="] = m => m.Ends == Instant,
        ["!="] = m => m.Ends != Instant,
        ["<"] = m => m.Ends < Instant.AddTicks(1),
        ["<="] = m => m.Ends <= Instant,
        [">"] = m => m.Ends > Instant,
        [">="] = m => m.Ends >= Instant.AddTicks(1),
        ["Contains"] = m => new DateTimeOffset?[] { Instant.ToOffset(TimeSpan.FromHours(9)), Instant.AddHours(1) }.Contains(m.Ends),
    };

    [Fact]
    public async Task Values_read_back_exactly_offset_included()
    {
        await using var context = fixture.CreateContext();

        var read = await context.Meetings.AsNoTracking().Where(m => m.Room == "r1").ToListAsync();

        Assert.Equal(
            MeetingsFixture.Data.Select(Describe).Order(StringComparer.Ordinal),
            read.Select(Describe).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SortKeyConditions))]
    public async Task A_sort_key_condition_matches_by_instant_in_one_Query(string name)
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var read = await context.Meetings.AsNoTracking().Where(SortKeyPredicates[name]).ToListAsync();

        AssertSame(SortKeyPredicates[name], read);
        Assert.Equal(["Query"], log.Operations);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_filter_matches_by_instant(string name)
    {
        await using var context = fixture.CreateContext();

        var read = await context.Meetings.AsNoTracking().Where(m => m.Room == "r1").Where(FilterPredicates[name]).ToListAsync();

        AssertSame(FilterPredicates[name], read);
    }

    [Fact]
    public async Task Ordering_by_the_sort_key_orders_by_instant()
    {
        await using var context = fixture.CreateContext();

        var read = await context.Meetings.AsNoTracking().Where(m => m.Room == "r1").OrderByDescending(m => m.Starts).ToListAsync();

        Assert.Equal(MeetingsFixture.Data.Select(m => m.Starts.UtcTicks).OrderDescending(), read.Select(m => m.Starts.UtcTicks));
    }

    [Fact]
    public async Task Equality_on_the_whole_key_is_a_GetItem_of_the_exact_stored_form_as_EF_identifies_entities()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var atMinusFive = Instant.ToOffset(TimeSpan.FromHours(-5));

        var read = await context.Meetings.AsNoTracking().Where(m => m.Room == "r1" && m.Starts == atMinusFive).ToListAsync();

        Assert.True(atMinusFive.EqualsExact(Assert.Single(read).Starts));
        Assert.Equal(["GetItem"], log.Operations);
    }

    [Fact]
    public async Task FindAsync_finds_a_key_by_its_exact_stored_form()
    {
        await using var context = fixture.CreateContext();

        var found = await context.Meetings.FindAsync("r1", Instant.ToOffset(TimeSpan.FromHours(-5)));

        Assert.NotNull(found);
        Assert.True(Instant.EqualsExact(found.Starts.ToOffset(TimeSpan.FromHours(2))));
        Assert.Equal(TimeSpan.FromHours(-5), found.Starts.Offset);
    }

    private static void AssertSame(Expression<Func<Meeting, bool>> predicate, List<Meeting> read)
    {
        var expected = MeetingsFixture.Data.Where(predicate.Compile()).Select(Describe).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, read.Select(Describe).Order(StringComparer.Ordinal));
    }

    private static string Describe(Meeting m) => $"{m.Room} {m.Starts:O} {m.Ends:O}";
}
