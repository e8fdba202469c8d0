using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// Select reads only the attributes it uses (a ProjectionExpression naming exactly those) and shapes the results on
/// the client: anonymous types, DTOs, scalars, values computed from the attributes. Each result equals
/// LINQ-to-Objects over the same seed.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ProjectionTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    [Fact]
    public async Task Anonymous_type_of_a_partition_reads_only_its_attributes()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Tickets.Where(t => t.Project == "apollo").Select(t => new { t.Code, t.Title, t.Estimate }).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Project == "apollo").OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => new { t.Code, t.Title, t.Estimate }),
            rows);
        var request = Assert.Single(log.Requests);
        Assert.Equal("Query", request.Operation);
        Assert.Equal(["Code", "Estimate", "Title"], request.Details().ProjectedNames());
    }

    [Fact]
    public async Task DTO_with_an_object_initializer_reads_only_its_attributes_including_nulls()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Tickets.Where(t => t.Project == "cygnus")
            .Select(t => new TicketSummary { Code = t.Code, Points = t.Points, Assignee = t.Assignee, Spent = t.Spent })
            .ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Project == "cygnus").OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => (t.Code, t.Points, t.Assignee, t.Spent)),
            rows.Select(r => (r.Code, r.Points, r.Assignee, r.Spent)));
        Assert.Contains(rows, r => r.Code == TicketSeed.NullTypedCode && r.Spent == null);
        Assert.Equal(["Assignee", "Code", "Points", "Spent"], Assert.Single(log.Requests).Details().ProjectedNames());
    }

    [Fact]
    public async Task DTO_through_a_constructor_on_a_scan_reads_its_attributes_and_not_the_filter_attributes()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Tickets.Where(t => t.Points > 8).Select(t => new TicketLine(t.Project, t.Code, t.State)).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Points > 8).Select(t => new TicketLine(t.Project, t.Code, t.State)).OrderBy(l => l.Project + "/" + l.Code, StringComparer.Ordinal),
            rows.OrderBy(l => l.Project + "/" + l.Code, StringComparer.Ordinal));
        var request = Assert.Single(log.Requests);
        Assert.Equal("Scan", request.Operation);
        Assert.Equal(["Code", "Project", "State"], request.Details().ProjectedNames());
        Assert.Equal(["Points"], request.Details().ReferencedNames("FilterExpression"));
    }

    [Fact]
    public async Task Member_of_a_missing_attribute_fails_as_a_missing_value_unless_the_projection_is_nullable()
    {
        Assert.Contains(fixture.Tickets, t => t.Project == "cygnus" && t.Assignee is null);
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        // EF's other providers: a non-nullable value read through a null has no value (not a NullReferenceException).
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Tickets.Where(t => t.Project == "cygnus").Select(t => new { t.Code, t.Assignee!.Length }).ToListAsync());
        Assert.Equal("Nullable object must have a value.", exception.Message);
        Assert.Equal("Query", Assert.Single(log.Requests).Operation);

        var lengths = await context.Tickets.Where(t => t.Project == "cygnus").Select(t => new { t.Code, Length = (int?)t.Assignee!.Length }).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Project == "cygnus").OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => new { t.Code, Length = t.Assignee?.Length }),
            lengths);
    }

    [Fact]
    public async Task Scalar_of_a_nullable_attribute_reads_nulls_of_both_kinds()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var blocked = await context.Tickets.Where(t => t.Project == "cygnus").Select(t => t.Blocked).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "cygnus").OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => t.Blocked), blocked);
        Assert.Equal(["Blocked"], Assert.Single(log.Requests).Details().ProjectedNames());
    }

    [Fact]
    public async Task Scalar_decimals_read_back_by_value()
    {
        await using var context = fixture.CreateContext();

        var estimates = await context.Tickets.Where(t => t.Project == "borealis").Select(t => t.Estimate).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "borealis").OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => t.Estimate), estimates);
    }

    [Fact]
    public async Task Values_computed_on_the_client_read_only_the_attributes_they_use()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Tickets.Where(t => t.Project == "apollo")
            .Select(t => new { Key = t.Project + "/" + t.Code, Double = t.Estimate * 2, Shout = t.Title.ToUpperInvariant(), Late = t.Due.HasValue && t.Due.Value.Month > 8 })
            .ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Project == "apollo").OrderBy(t => t.Code, StringComparer.Ordinal)
                .Select(t => new { Key = t.Project + "/" + t.Code, Double = t.Estimate * 2, Shout = t.Title.ToUpperInvariant(), Late = t.Due.HasValue && t.Due.Value.Month > 8 }),
            rows);
        Assert.Equal(["Code", "Due", "Estimate", "Project", "Title"], Assert.Single(log.Requests).Details().ProjectedNames());
    }

    [Fact]
    public async Task Scalars_computed_on_the_client()
    {
        await using var context = fixture.CreateContext();

        var doubled = await context.Tickets.Where(t => t.Project == "borealis").Select(t => t.Estimate * 2).ToListAsync();
        var labels = await context.Tickets.Where(t => t.Project == "borealis").Select(t => t.Code + ": " + t.Title).ToListAsync();
        var hours = await context.Tickets.Where(t => t.Project == "borealis").Select(t => t.Effort.TotalHours).ToListAsync();

        var partition = fixture.Tickets.Where(t => t.Project == "borealis").OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(partition.Select(t => t.Estimate * 2), doubled);
        Assert.Equal(partition.Select(t => t.Code + ": " + t.Title), labels);
        Assert.Equal(partition.Select(t => t.Effort.TotalHours), hours);
    }

    [Fact]
    public async Task Enums_and_converted_values_in_a_projection_read_back_through_their_converters()
    {
        await using var context = fixture.CreateContext();

        var rows = await context.Tickets.Where(t => t.Project == "apollo").Select(t => new { t.State, t.Severity, t.Effort, t.Opened }).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Project == "apollo").OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => new { t.State, t.Severity, t.Effort, t.Opened }),
            rows);
        Assert.All(rows, r => Assert.Equal(DateTimeKind.Utc, r.Opened.Kind));
    }

    [Fact]
    public async Task Where_after_Select_filters_on_the_projected_attributes()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Tickets.Select(t => new { t.Project, t.Code, t.Points }).Where(x => x.Points >= 10).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Select(t => new { t.Project, t.Code, t.Points }).Where(x => x.Points >= 10).OrderBy(x => x.Project + "/" + x.Code, StringComparer.Ordinal),
            rows.OrderBy(x => x.Project + "/" + x.Code, StringComparer.Ordinal));
        var request = Assert.Single(log.Requests);
        Assert.Equal("Scan", request.Operation);
        Assert.Equal(["Points"], request.Details().ReferencedNames("FilterExpression"));
        Assert.Equal(["Code", "Points", "Project"], request.Details().ProjectedNames());
    }

    [Fact]
    public async Task Where_on_the_partition_key_after_Select_is_a_Query()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Tickets.Select(t => new { t.Project, t.Code }).Where(x => x.Project == "cygnus" && x.Code.StartsWith("FEAT")).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Select(t => new { t.Project, t.Code }).Where(x => x.Project == "cygnus" && x.Code.StartsWith("FEAT")).OrderBy(x => x.Code, StringComparer.Ordinal),
            rows);
        var request = Assert.Single(log.Requests);
        Assert.Equal("Query", request.Operation);
        Assert.Equal(["Code", "Project"], request.Details().ReferencedNames("KeyConditionExpression"));
    }

    [Fact]
    public async Task Where_Select_Where_Select_chains_read_only_what_the_last_Select_uses()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Tickets.Where(t => t.Project == "apollo")
            .Select(t => new { t.Code, t.Points, t.Title })
            .Where(x => x.Points < 6)
            .Select(x => x.Code + "=" + x.Points)
            .ToListAsync();

        // No OrderBy: the provider may read the ByPoints local index, so the rows are compared as a set.
        Assert.Equal(
            fixture.Tickets.Where(t => t.Project == "apollo")
                .Select(t => new { t.Code, t.Points, t.Title }).Where(x => x.Points < 6).Select(x => x.Code + "=" + x.Points).Order(),
            rows.Order());
        Assert.DoesNotContain("Title", Assert.Single(log.Requests).Details().ProjectedNames());
    }

    [Fact]
    public async Task Projection_of_a_whole_key_reads_one_item_with_GetItem()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var title = await context.Tickets.Where(t => t.Project == "borealis" && t.Code == "FEAT-002").Select(t => t.Title).SingleAsync();

        Assert.Equal(fixture.Tickets.Single(t => t.Project == "borealis" && t.Code == "FEAT-002").Title, title);
        var request = Assert.Single(log.Requests);
        Assert.Equal("GetItem", request.Operation);
        // The key tells an item without the projected attribute from no item.
        Assert.Equal(["Project", "Title"], request.Details().ProjectedNames());
    }

    [Fact]
    public async Task Projection_of_the_entity_reads_whole_items()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Tickets.Where(t => t.Project == "apollo").Select(t => new { Ticket = t, t.Code }).ToListAsync();

        Assert.All(rows, r => Assert.Equal(r.Code, r.Ticket.Code));
        Assert.Equal(fixture.Tickets.Count(t => t.Project == "apollo"), rows.Count);
        Assert.Empty(Assert.Single(log.Requests).Details().ProjectedNames());
    }

    [Fact]
    public async Task Distinct_over_a_projection_on_a_scan_returns_each_value_once()
    {
        await using var context = fixture.CreateContext();

        var reporters = await context.Tickets.Select(t => t.Reporter).Distinct().ToListAsync();
        var pairs = await context.Tickets.Where(t => t.Project == "apollo").Select(t => new { t.State, t.Severity }).Distinct().ToListAsync();
        var milestones = await context.Tickets.Select(t => t.Milestone).Distinct().CountAsync();

        Assert.Equal(fixture.Tickets.Select(t => t.Reporter).Distinct().Order(StringComparer.Ordinal), reporters.Order(StringComparer.Ordinal));
        Assert.Equal(
            fixture.Tickets.Where(t => t.Project == "apollo").Select(t => new { t.State, t.Severity }).Distinct().OrderBy(p => p.State).ThenBy(p => p.Severity),
            pairs.OrderBy(p => p.State).ThenBy(p => p.Severity));
        Assert.Equal(fixture.Tickets.Select(t => t.Milestone).Distinct().Count(), milestones);
    }

    [Fact]
    public async Task Distinct_then_OrderBy_and_Take()
    {
        await using var context = fixture.CreateContext();

        var assignees = await context.Tickets.Select(t => t.Assignee).Distinct().OrderByDescending(a => a).Take(3).ToListAsync();

        Assert.Equal(fixture.Tickets.Select(t => t.Assignee).Distinct().OrderByDescending(a => a).Take(3), assignees);
    }
}
