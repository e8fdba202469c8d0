using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// Ordering by the sort key of a Query is DynamoDB's own (ScanIndexForward), without a warning; any other ordering
/// reads the whole result and sorts it on the client, logging <see cref="DynamoDbEventId.ClientSideOrderingWarning" />
/// (an error when configured so). Row limits after a client-side ordering apply to the sorted result. Each result
/// equals LINQ-to-Objects, in the same order. Every test uses a query shape of its own: EF logs compilation
/// warnings only when it compiles a shape.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class OrderingTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    [Fact]
    public async Task OrderBy_the_sort_key_of_a_table_query_reads_forward_without_a_warning()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Project == "apollo").OrderBy(t => t.Code).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "apollo").OrderBy(t => t.Code, StringComparer.Ordinal).OrderedKeys(), tickets.OrderedKeys());
        var request = Assert.Single(log.Requests);
        Assert.Equal("Query", request.Operation);
        Assert.NotEqual(false, request.Details().Bool("ScanIndexForward"));
        Assert.DoesNotContain(DynamoDbEventId.ClientSideOrderingWarning, log.EventIds);
    }

    [Fact]
    public async Task OrderByDescending_the_sort_key_of_a_table_query_reads_backward_without_a_warning()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Project == "borealis" && t.Points > 2).OrderByDescending(t => t.Code).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Project == "borealis" && t.Points > 2).OrderByDescending(t => t.Code, StringComparer.Ordinal).OrderedKeys(),
            tickets.OrderedKeys());
        Assert.False(Assert.Single(log.Requests).Details().Bool("ScanIndexForward"));
        Assert.DoesNotContain(DynamoDbEventId.ClientSideOrderingWarning, log.EventIds);
    }

    [Fact]
    public async Task OrderBy_the_partition_key_then_the_sort_key_descending_is_DynamoDB_order()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Project == "cygnus").OrderBy(t => t.Project).ThenByDescending(t => t.Code).ThenBy(t => t.Title).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Project == "cygnus").OrderByDescending(t => t.Code, StringComparer.Ordinal).OrderedKeys(),
            tickets.OrderedKeys());
        Assert.False(Assert.Single(log.Requests).Details().Bool("ScanIndexForward"));
        Assert.DoesNotContain(DynamoDbEventId.ClientSideOrderingWarning, log.EventIds);
    }

    [Fact]
    public async Task OrderBy_the_sort_key_descending_with_Take_reads_only_that_many_items()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var codes = await context.Tickets.Where(t => t.Project == "apollo").OrderByDescending(t => t.Code).Take(3).Select(t => t.Code).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "apollo").Select(t => t.Code).OrderDescending(StringComparer.Ordinal).Take(3), codes);
        var details = Assert.Single(log.Requests).Details();
        Assert.Equal(3, details.Int("Limit"));
        Assert.False(details.Bool("ScanIndexForward"));
    }

    [Fact]
    public async Task OrderBy_a_non_key_attribute_of_a_query_sorts_on_the_client_and_warns()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.Project == "apollo").OrderBy(t => t.Estimate).ThenByDescending(t => t.Opened).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Project == "apollo").OrderBy(t => t.Estimate).ThenByDescending(t => t.Opened).OrderedKeys(),
            tickets.OrderedKeys());
        Assert.Equal(["Query"], log.Operations);
        Assert.Contains(DynamoDbEventId.ClientSideOrderingWarning, log.EventIds);
    }

    [Fact]
    public async Task OrderBy_on_a_scan_sorts_the_whole_table_on_the_client_and_warns()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.OrderByDescending(t => t.Opened).ToListAsync();

        Assert.Equal(fixture.Tickets.OrderByDescending(t => t.Opened).OrderedKeys(), tickets.OrderedKeys());
        Assert.Equal(["Scan"], log.Operations);
        Assert.Contains(DynamoDbEventId.ClientSideOrderingWarning, log.EventIds);
        Assert.Contains(DynamoDbEventId.ScanQueryWarning, log.EventIds);
    }

    [Fact]
    public async Task OrderBy_the_sort_key_on_a_scan_sorts_on_the_client()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.Severity != Severity.Medium).OrderBy(t => t.Code).ThenBy(t => t.Project).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Severity != Severity.Medium).OrderBy(t => t.Code).ThenBy(t => t.Project).OrderedKeys(),
            tickets.OrderedKeys());
        Assert.Contains(DynamoDbEventId.ClientSideOrderingWarning, log.EventIds);
    }

    [Fact]
    public async Task OrderBy_a_nullable_attribute_puts_nulls_of_both_kinds_first()
    {
        await using var context = fixture.CreateContext();

        var tickets = await context.Tickets.OrderBy(t => t.Spent).ThenBy(t => t.Project).ThenByDescending(t => t.Code).ToListAsync();

        Assert.Equal(
            fixture.Tickets.OrderBy(t => t.Spent).ThenBy(t => t.Project).ThenByDescending(t => t.Code).OrderedKeys(),
            tickets.OrderedKeys());
    }

    [Fact]
    public async Task OrderBy_a_string_stored_enum_orders_by_the_enum_value_as_LINQ_does()
    {
        await using var context = fixture.CreateContext();

        var tickets = await context.Tickets.Where(t => t.Project == "borealis").OrderByDescending(t => t.State).ThenBy(t => t.Effort).ThenBy(t => t.Code).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Project == "borealis").OrderByDescending(t => t.State).ThenBy(t => t.Effort).ThenBy(t => t.Code).OrderedKeys(),
            tickets.OrderedKeys());
    }

    [Fact]
    public async Task ClientSideOrderingWarning_configured_as_an_error_fails_before_sending_anything()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ClientSideOrderingWarning)));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Tickets.Where(t => t.Project == "apollo").OrderBy(t => t.Points).ToListAsync());

        Assert.Contains(nameof(DynamoDbEventId.ClientSideOrderingWarning), exception.Message, StringComparison.Ordinal);
        Assert.Contains("Points", exception.Message, StringComparison.Ordinal);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task ClientSideOrderingWarning_configured_as_an_error_still_allows_sort_key_ordering()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ClientSideOrderingWarning)));

        var tickets = await context.Tickets.Where(t => t.Project == "cygnus").OrderByDescending(t => t.Code).ToListAsync();
        var assigned = await context.Tickets.Where(t => t.Assignee == "chen").OrderBy(t => t.Opened).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "cygnus").OrderByDescending(t => t.Code, StringComparer.Ordinal).OrderedKeys(), tickets.OrderedKeys());
        Assert.Equal(fixture.Tickets.Where(t => t.Assignee == "chen").OrderBy(t => t.Opened).OrderedKeys(), assigned.OrderedKeys());
        Assert.Equal(["Query", "Query"], log.Operations);
    }

    [Fact]
    public async Task Skip_and_Take_after_a_client_side_ordering_apply_to_the_sorted_result()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Points > 1).OrderBy(t => t.Estimate).ThenBy(t => t.Project).ThenBy(t => t.Code).Skip(4).Take(7).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.Points > 1).OrderBy(t => t.Estimate).ThenBy(t => t.Project).ThenBy(t => t.Code).Skip(4).Take(7).OrderedKeys(),
            tickets.OrderedKeys());
        Assert.Null(Assert.Single(log.Requests).Details().Int("Limit"));
    }

    [Fact]
    public async Task First_Last_and_ElementAt_after_a_client_side_ordering()
    {
        await using var context = fixture.CreateContext();
        var query = context.Tickets.Where(t => t.Project != "apollo").OrderByDescending(t => t.Effort).ThenBy(t => t.Code).ThenBy(t => t.Project);
        var expected = fixture.Tickets.Where(t => t.Project != "apollo").OrderByDescending(t => t.Effort).ThenBy(t => t.Code).ThenBy(t => t.Project).ToList();

        Assert.Equal(TicketKeys.Key(expected.First()), TicketKeys.Key(await query.FirstAsync()));
        Assert.Equal(TicketKeys.Key(expected.Last()), TicketKeys.Key(await query.LastAsync()));
        Assert.Equal(TicketKeys.Key(expected.ElementAt(5)), TicketKeys.Key(await query.ElementAtAsync(5)));
        Assert.Null(await query.ElementAtOrDefaultAsync(expected.Count));
        Assert.Equal(TicketKeys.Key(expected.Last()), TicketKeys.Key((await query.LastOrDefaultAsync())!));
    }

    [Fact]
    public async Task Reverse_of_a_sort_key_ordering_reads_the_other_way()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Project == "borealis").OrderBy(t => t.Code).Reverse().Take(2).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "borealis").OrderBy(t => t.Code, StringComparer.Ordinal).Reverse().Take(2).OrderedKeys(), tickets.OrderedKeys());
        Assert.False(Assert.Single(log.Requests).Details().Bool("ScanIndexForward"));
    }
}
