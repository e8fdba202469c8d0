using System.Linq.Expressions;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// FilterExpressions on Scans, table Queries and index Queries: null checks (a missing attribute and a NULL-typed
/// one both read as null), string functions, IN lists longer than DynamoDB's 100 operands, size(), the
/// <c>EF.Functions</c> DynamoDB functions, enums and value-converted properties, captured variables and values
/// built in the predicate. Each returns what LINQ-to-Objects returns over the same seed.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class FilterTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private static readonly Dictionary<string, (Expression<Func<Ticket, bool>> Predicate, string Operation, string? Index)> Predicates = Build();

    public static TheoryData<string> Names => new(Predicates.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Filter_returns_what_LINQ_to_Objects_returns(string name)
    {
        var (predicate, operation, index) = Predicates[name];
        var expected = fixture.Tickets.Where(LinqToObjects.Compile(predicate)).Keys();
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Tickets.Where(predicate).ToListAsync();

        Assert.Equal(expected, actual.Keys());
        Assert.InRange(expected.Count, 1, fixture.Tickets.Count - 1);
        Assert.Equal([(operation, index)], log.Requests.Select(r => (r.Operation, r.IndexName)).Distinct());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Count_with_the_filter_returns_what_LINQ_to_Objects_returns(string name)
    {
        var (predicate, _, _) = Predicates[name];
        await using var context = fixture.CreateContext();

        Assert.Equal(fixture.Tickets.Count(LinqToObjects.Compile(predicate)), await context.Tickets.CountAsync(predicate));
    }

    [Fact]
    public async Task AttributeExists_holds_for_a_NULL_typed_attribute_and_AttributeNotExists_only_for_missing_ones()
    {
        await using var context = fixture.CreateContext();

        var exists = await context.Tickets.Where(t => EF.Functions.AttributeExists(t.Spent)).ToListAsync();
        var notExists = await context.Tickets.Where(t => EF.Functions.AttributeNotExists(t.Spent)).ToListAsync();
        var isNull = await context.Tickets.Where(t => t.Spent == null).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Spent != null || IsNullTyped(t)).Keys(), exists.Keys());
        Assert.Equal(fixture.Tickets.Where(t => t.Spent == null && !IsNullTyped(t)).Keys(), notExists.Keys());
        Assert.Equal(fixture.Tickets.Where(t => t.Spent == null).Keys(), isNull.Keys());
        Assert.Contains(NullTypedKey, isNull.Keys());
        Assert.Equal(fixture.Tickets.Count, exists.Count + notExists.Count);
    }

    [Fact]
    public async Task AttributeType_tells_a_NULL_typed_attribute_from_a_number()
    {
        await using var context = fixture.CreateContext();

        var nullTyped = await context.Tickets.Where(t => EF.Functions.AttributeType(t.Blocked, "NULL")).ToListAsync();
        var booleans = await context.Tickets.Where(t => t.Project == "apollo" && EF.Functions.AttributeType(t.Blocked, "BOOL")).ToListAsync();
        var numbers = await context.Tickets.Where(t => EF.Functions.AttributeType(t.Severity, "N") && EF.Functions.AttributeType(t.State, "S")).CountAsync();

        Assert.Equal([NullTypedKey], nullTyped.Keys());
        Assert.Equal(fixture.Tickets.Where(t => t.Project == "apollo" && t.Blocked != null).Keys(), booleans.Keys());
        Assert.Equal(fixture.Tickets.Count, numbers);
    }

    [Fact]
    public async Task AttributeExists_on_a_query_path_filters_the_partition()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.Project == TicketSeed.NullTypedProject && EF.Functions.AttributeNotExists(t.Due)).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == TicketSeed.NullTypedProject && t.Due == null).Keys(), tickets.Keys());
        Assert.NotEmpty(tickets);
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public async Task AttributeType_with_a_name_DynamoDB_does_not_know_fails_to_translate()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Tickets.Where(t => EF.Functions.AttributeType(t.Title, "STRING")).ToListAsync());

        Assert.Contains(DynamoDbStrings.InvalidAttributeType("STRING"), exception.Message, StringComparison.Ordinal);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public void EF_Functions_outside_a_query_throw()
        => Assert.Throws<InvalidOperationException>(() => EF.Functions.AttributeExists("x"));

    private const string NullTypedKey = TicketSeed.NullTypedProject + "/" + TicketSeed.NullTypedCode;

    private static bool IsNullTyped(Ticket ticket) => TicketKeys.Key(ticket) == NullTypedKey;

    private static Dictionary<string, (Expression<Func<Ticket, bool>>, string, string?)> Build()
    {
        var minimumEstimate = 10m;
        var since = new DateTime(2024, 2, 15, 0, 0, 0, DateTimeKind.Utc);
        var word = "sync";
        var longEffort = TimeSpan.FromHours(4);
        var severity = Severity.High;
        TicketState? state = TicketState.Resolved;
        string? nobody = null;
        var manyPoints = Enumerable.Range(-100, 105).ToList();
        var manyCodes = Enumerable.Range(1, 140).Where(i => i % 3 != 0).Select(i => "BUG-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var states = new List<TicketState> { TicketState.Open, TicketState.Closed };
        var severities = new[] { Severity.Low, Severity.Critical };
        var assignees = new List<string?> { "ana", null };
        var manyEfforts = Enumerable.Range(0, 130).Select(i => TimeSpan.FromMinutes(i * 3)).ToList();

        return new()
        {
            // Nulls: a missing attribute and a NULL-typed one both read as null.
            ["Nullable decimal == null"] = (t => t.Spent == null, "Scan", null),
            ["Nullable decimal != null"] = (t => t.Spent != null, "Scan", null),
            ["Nullable decimal > a captured variable"] = (t => t.Spent > minimumEstimate, "Scan", null),
            ["Nullable decimal <= (NULL-typed never compares)"] = (t => t.Spent <= 3m, "Scan", null),
            ["Nullable DateTime == null"] = (t => t.Due == null, "Scan", null),
            ["Nullable bool == null"] = (t => t.Blocked == null, "Scan", null),
            ["Nullable bool != true"] = (t => t.Blocked != true, "Scan", null),
            ["Nullable bool HasValue"] = (t => t.Blocked.HasValue, "Scan", null),
            ["Nullable bool !HasValue"] = (t => !t.Blocked.HasValue, "Scan", null),
            ["Nullable string == null (sparse index key)"] = (t => t.Assignee == null, "Scan", null),
            ["Nullable string == a captured null"] = (t => t.Milestone == nobody, "Scan", null),
            ["Nullable string != a value"] = (t => t.Milestone != "m1", "Scan", null),
            ["Partition and nullable == null"] = (t => t.Project == TicketSeed.NullTypedProject && t.Spent == null, "Query", null),
            ["Partition and nullable != null"] = (t => t.Project == TicketSeed.NullTypedProject && t.Blocked != null, "Query", null),

            // Strings.
            ["string.Contains"] = (t => t.Title.Contains("in "), "Scan", null),
            ["string.Contains a captured variable"] = (t => t.Title.Contains(word), "Scan", null),
            ["string.Contains ordinal"] = (t => t.Title.Contains("Crash", StringComparison.Ordinal), "Scan", null),
            ["string.StartsWith"] = (t => t.Title.StartsWith("Flaky"), "Scan", null),
            ["string.StartsWith on a partition"] = (t => t.Project == "borealis" && t.Title.StartsWith("Broken"), "Query", null),
            ["EF.Functions.BeginsWith on a non-key attribute"] = (t => EF.Functions.BeginsWith(t.Reporter, "r"), "Scan", null),
            ["Negated string.Contains"] = (t => t.Project == "apollo" && !t.Title.Contains("o"), "Query", null),

            // size().
            ["string.Length"] = (t => t.Title.Length > 14, "Scan", null),
            ["string.Length mirrored"] = (t => 12 >= t.Title.Length, "Scan", null),
            ["EF.Functions.Size"] = (t => EF.Functions.Size(t.Title) == 11, "Scan", null),
            ["string.Length on a global index query"] = (t => t.Assignee == "ben" && t.Title.Length < 14, "Query", "ByAssignee"),

            // IN.
            ["list.Contains of more than 100 numbers"] = (t => manyPoints.Contains(t.Points), "Scan", null),
            ["list.Contains of more than 100 sort keys"] = (t => manyCodes.Contains(t.Code), "Scan", null),
            ["list.Contains of string-stored enums"] = (t => states.Contains(t.State), "Scan", null),
            ["array.Contains of number-stored enums"] = (t => severities.Contains(t.Severity), "Scan", null),
            ["list.Contains with a null"] = (t => assignees.Contains(t.Assignee), "Scan", null),
            ["list.Contains of more than 100 converted values"] = (t => manyEfforts.Contains(t.Effort), "Scan", null),
            ["Partition and list.Contains"] = (t => t.Project == "cygnus" && severities.Contains(t.Severity), "Query", null),

            // EF.Functions.Between on non-key attributes.
            ["EF.Functions.Between on a decimal"] = (t => EF.Functions.Between(t.Estimate, 5m, 12.5m), "Scan", null),
            ["EF.Functions.Between on a date"] = (t => EF.Functions.Between(t.Opened, since, since.AddDays(30)), "Scan", null),

            // Enums and value converters.
            ["String-stored enum =="] = (t => t.State == TicketState.Closed, "Scan", null),
            ["String-stored enum !="] = (t => t.State != TicketState.Open, "Scan", null),
            ["String-stored enum == a captured nullable"] = (t => t.State == state, "Scan", null),
            ["Number-stored enum >="] = (t => t.Severity >= Severity.High, "Scan", null),
            ["Number-stored enum < a captured variable"] = (t => t.Severity < severity, "Scan", null),
            ["Converted TimeSpan >"] = (t => t.Effort > longEffort, "Scan", null),
            ["Converted TimeSpan =="] = (t => t.Effort == TimeSpan.FromMinutes(90), "Scan", null),
            ["Converted TimeSpan on a partition"] = (t => t.Project == "apollo" && t.Effort <= TimeSpan.FromHours(2), "Query", null),

            // Values built in the predicate and captured.
            ["new DateTime in the predicate"] = (t => t.Opened >= new DateTime(2024, 3, 10, 0, 0, 0, DateTimeKind.Utc), "Scan", null),
            ["new DateTime range on a nullable"] = (t => t.Due >= new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc) && t.Due < new DateTime(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc), "Scan", null),
            ["Captured DateTime and an arithmetic on it"] = (t => t.Opened < since.AddDays(10), "Scan", null),
            ["Captured decimal"] = (t => t.Estimate >= minimumEstimate, "Scan", null),
            ["Decimal with a fraction"] = (t => t.Estimate == 12.5m, "Scan", null),

            // Combinations.
            ["OR of filters"] = (t => t.Severity == Severity.Critical || t.Blocked == true, "Scan", null),
            ["NOT of an AND"] = (t => !(t.Points > 3 && t.Spent != null), "Scan", null),
            ["Index partition and an OR"] = (t => t.Assignee == "dia" && (t.State == TicketState.Open || t.Severity == Severity.Low), "Query", "ByAssignee"),
        };
    }
}
