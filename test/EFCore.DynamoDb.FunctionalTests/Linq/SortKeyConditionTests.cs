using System.Linq.Expressions;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// Equality on the partition key with every form of condition on a string sort key: the forms DynamoDB's key
/// condition takes go there (no filter), the others (half-open ranges, <c>!=</c>) are a Query of the partition
/// whose extra key conditions are checked on the returned items. Every result equals LINQ-to-Objects.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class SortKeyConditionTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private static readonly Dictionary<string, (Expression<Func<Ticket, bool>> Predicate, string Operation, bool SortKeyInKeyCondition)> Predicates = Build();

    public static TheoryData<string> Names => new(Predicates.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Sort_key_condition_returns_what_LINQ_to_Objects_returns(string name)
    {
        var (predicate, operation, sortKeyInKeyCondition) = Predicates[name];
        var expected = fixture.Tickets.Where(LinqToObjects.Compile(predicate)).Keys();
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var actual = await context.Tickets.Where(predicate).ToListAsync();

        Assert.Equal(expected, actual.Keys());
        Assert.InRange(expected.Count, 1, fixture.Tickets.Count(t => t.Project == "apollo") - 1);
        var request = Assert.Single(log.Requests);
        Assert.Equal((operation, null), (request.Operation, request.IndexName));
        Assert.DoesNotContain(DynamoDbEventId.ScanQueryWarning, log.EventIds);
        if (operation == "Query")
        {
            var details = request.Details();
            Assert.Equal(sortKeyInKeyCondition ? ["Code", "Project"] : ["Project"], details.ReferencedNames("KeyConditionExpression"));
            Assert.DoesNotContain("Code", details.ReferencedNames("FilterExpression"));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Sort_key_condition_in_a_query_ordered_by_the_sort_key_descending_returns_LINQ_order(string name)
    {
        var (predicate, _, _) = Predicates[name];
        await using var context = fixture.CreateContext();

        var actual = await context.Tickets.Where(predicate).OrderByDescending(t => t.Code).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(LinqToObjects.Compile(predicate)).OrderByDescending(t => t.Code, StringComparer.Ordinal).OrderedKeys(), actual.OrderedKeys());
    }

    [Fact]
    public async Task A_key_condition_on_the_partition_only_returns_the_partition_in_sort_key_order()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.Project == "borealis").ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "borealis").OrderBy(t => t.Code, StringComparer.Ordinal).OrderedKeys(), tickets.OrderedKeys());
        Assert.Equal(["Query"], log.Operations);
    }

    private static Dictionary<string, (Expression<Func<Ticket, bool>>, string, bool)> Build()
    {
        var from = "DOC-016";
        var prefix = "TASK";
        return new()
        {
            ["=="] = (t => t.Project == "apollo" && t.Code == "TASK-019", "GetItem", true),
            ["CompareTo < 0"] = (t => t.Project == "apollo" && t.Code.CompareTo("DOC") < 0, "Query", true),
            ["CompareTo <= 0"] = (t => t.Project == "apollo" && t.Code.CompareTo("DOC-016") <= 0, "Query", true),
            ["string.Compare > 0"] = (t => t.Project == "apollo" && string.Compare(t.Code, "FEAT-022") > 0, "Query", true),
            ["string.Compare >= 0 from a captured variable"] = (t => t.Project == "apollo" && string.Compare(t.Code, from) >= 0, "Query", true),
            ["string.Compare mirrored"] = (t => t.Project == "apollo" && string.Compare("DOC", t.Code) > 0, "Query", true),
            ["0 < CompareTo"] = (t => t.Project == "apollo" && 0 < t.Code.CompareTo("FEAT"), "Query", true),
            ["string.Compare <= 0"] = (t => t.Project == "apollo" && string.Compare(t.Code, "DOC-028") <= 0, "Query", true),
            [">= && <= (BETWEEN)"] = (t => t.Project == "apollo" && string.Compare(t.Code, "BUG-025") >= 0 && string.Compare(t.Code, "FEAT-010") <= 0, "Query", true),
            ["<= && >= (BETWEEN), sort key first"] = (t => t.Code.CompareTo("FEAT-010") <= 0 && t.Code.CompareTo("BUG-025") >= 0 && t.Project == "apollo", "Query", true),
            ["EF.Functions.Between"] = (t => t.Project == "apollo" && EF.Functions.Between(t.Code, "C", "E"), "Query", true),
            ["StartsWith"] = (t => t.Project == "apollo" && t.Code.StartsWith("DOC-"), "Query", true),
            ["StartsWith a captured variable"] = (t => t.Project == "apollo" && t.Code.StartsWith(prefix), "Query", true),
            ["EF.Functions.BeginsWith"] = (t => t.Project == "apollo" && EF.Functions.BeginsWith(t.Code, "FEAT"), "Query", true),
            ["half-open range >= && <"] = (t => t.Project == "apollo" && t.Code.CompareTo("BUG-025") >= 0 && t.Code.CompareTo("FEAT-010") < 0, "Query", true),
            ["half-open range > && <="] = (t => t.Project == "apollo" && t.Code.CompareTo("BUG") > 0 && t.Code.CompareTo("DOC-028") <= 0, "Query", true),
            ["open range > && <"] = (t => t.Project == "apollo" && t.Code.CompareTo("BUG-013") > 0 && t.Code.CompareTo("TASK-019") < 0, "Query", true),
            ["!="] = (t => t.Project == "apollo" && t.Code != "BUG-013", "Query", false),
            ["StartsWith and a range"] = (t => t.Project == "apollo" && t.Code.StartsWith("BUG") && t.Code.CompareTo("BUG-013") > 0, "Query", true),
            ["sort key in an OR"] = (t => t.Project == "apollo" && (t.Code == "BUG-001" || t.Points > 8), "Query", false),
            ["range and a non-key filter"] = (t => t.Project == "apollo" && t.Code.CompareTo("C") > 0 && t.Points > 3, "Query", true),
        };
    }
}
