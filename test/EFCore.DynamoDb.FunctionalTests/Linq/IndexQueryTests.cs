using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// Queries that fix a secondary index's partition key read that index: chosen automatically among the indexes that
/// hold what the query reads (the table first when its own key is fixed), or forced with <c>WithIndex</c>. Each
/// result is compared with LINQ-to-Objects over the same seed, and the request's operation and index with what
/// the RequestExecuted event reports.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class IndexQueryTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private static readonly DateTime March = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime May = new(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Equality_on_a_global_index_partition_key_queries_that_index_in_its_sort_key_order()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Assignee == "ben").ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Assignee == "ben").OrderBy(t => t.Opened).OrderedKeys(), tickets.OrderedKeys());
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "ByAssignee"), (request.Operation, request.IndexName));
        Assert.Equal(["Assignee"], request.Details().ReferencedNames("KeyConditionExpression"));
        Assert.DoesNotContain(DynamoDbEventId.ScanQueryWarning, log.EventIds);
    }

    [Fact]
    public async Task A_sort_key_range_on_a_global_index_joins_its_key_condition()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Assignee == "chen" && t.Opened >= March && t.Opened <= May).ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Assignee == "chen" && t.Opened >= March && t.Opened <= May).Keys();
        Assert.Equal(expected, tickets.Keys());
        Assert.NotEmpty(expected);
        var request = Assert.Single(log.Requests);
        Assert.Equal("ByAssignee", request.IndexName);
        Assert.Contains("BETWEEN", request.Details().String("KeyConditionExpression"), StringComparison.Ordinal);
        Assert.Equal(["Assignee", "Opened"], request.Details().ReferencedNames("KeyConditionExpression"));
        Assert.Null(request.Details().String("FilterExpression"));
    }

    [Fact]
    public async Task A_half_open_range_on_a_global_index_sort_key_is_checked_on_the_returned_items()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.Assignee == "dia" && t.Opened > March && t.Opened < May).ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Assignee == "dia" && t.Opened > March && t.Opened < May).Keys();
        Assert.Equal(expected, tickets.Keys());
        Assert.NotEmpty(expected);
        Assert.Equal([("Query", "ByAssignee")], log.Requests.Select(r => (r.Operation, r.IndexName)));
    }

    [Fact]
    public async Task A_global_index_query_filters_on_other_attributes()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Assignee == "ana" && t.Points > 4 && t.Blocked == false).ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Assignee == "ana" && t.Points > 4 && t.Blocked == false).Keys();
        Assert.Equal(expected, tickets.Keys());
        Assert.NotEmpty(expected);
        var request = Assert.Single(log.Requests);
        Assert.Equal("ByAssignee", request.IndexName);
        Assert.Equal(["Blocked", "Points"], request.Details().ReferencedNames("FilterExpression"));
    }

    [Fact]
    public async Task The_table_is_preferred_when_its_partition_key_is_fixed_too()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Assignee == "ben" && t.Project == "apollo").ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Assignee == "ben" && t.Project == "apollo").Keys();
        Assert.Equal(expected, tickets.Keys());
        Assert.NotEmpty(expected);
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", null), (request.Operation, request.IndexName));
        Assert.Equal(["Project"], request.Details().ReferencedNames("KeyConditionExpression"));
        Assert.Equal(["Assignee"], request.Details().ReferencedNames("FilterExpression"));
    }

    [Fact]
    public async Task An_index_declared_with_HasIndex_IsGlobalSecondaryIndex_is_queried()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.Milestone == "m3").ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Milestone == "m3").Keys();
        Assert.Equal(expected, tickets.Keys());
        Assert.NotEmpty(expected);
        Assert.Equal([("Query", "ByMilestone")], log.Requests.Select(r => (r.Operation, r.IndexName)));
    }

    [Fact]
    public async Task A_keys_only_index_is_not_chosen_for_whole_entities_so_the_query_scans()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.State == TicketState.Resolved).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.State == TicketState.Resolved).Keys(), tickets.Keys());
        Assert.Equal([("Scan", null)], log.Requests.Select(r => (r.Operation, r.IndexName)));
        Assert.Contains(DynamoDbEventId.ScanQueryWarning, log.EventIds);
        Assert.All(tickets, t => Assert.False(string.IsNullOrEmpty(t.Title)));
    }

    [Fact]
    public async Task A_keys_only_index_serves_a_projection_of_the_keys_it_holds()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Tickets.Where(t => t.State == TicketState.InProgress).Select(t => new { t.Project, t.Code, t.Points }).ToListAsync();

        var expected = fixture.Tickets.Where(t => t.State == TicketState.InProgress).Select(t => new { t.Project, t.Code, t.Points });
        Assert.Equal(expected.OrderBy(r => r.Project + "/" + r.Code, StringComparer.Ordinal), rows.OrderBy(r => r.Project + "/" + r.Code, StringComparer.Ordinal));
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "ByState"), (request.Operation, request.IndexName));
        Assert.Equal(["Code", "Points", "Project"], request.Details().ProjectedNames());
        Assert.DoesNotContain(DynamoDbEventId.ScanQueryWarning, log.EventIds);
    }

    [Fact]
    public async Task A_keys_only_index_takes_a_condition_on_its_sort_key()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var codes = await context.Tickets.Where(t => t.State == TicketState.Open && t.Points >= 6).Select(t => t.Code).ToListAsync();

        var expected = fixture.Tickets.Where(t => t.State == TicketState.Open && t.Points >= 6).Select(t => t.Code);
        Assert.Equal(expected.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        var request = Assert.Single(log.Requests);
        Assert.Equal("ByState", request.IndexName);
        Assert.Equal(["Points", "State"], request.Details().ReferencedNames("KeyConditionExpression"));
    }

    [Fact]
    public async Task An_include_index_serves_a_projection_of_included_attributes_and_filters_on_them()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Tickets.Where(t => t.Reporter == "sam" && t.Estimate > 5m).Select(t => new { t.Code, t.Title, t.Estimate }).ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Reporter == "sam" && t.Estimate > 5m).Select(t => new { t.Code, t.Title, t.Estimate });
        Assert.Equal(expected.OrderBy(r => r.Code, StringComparer.Ordinal), rows.OrderBy(r => r.Code, StringComparer.Ordinal));
        Assert.NotEmpty(rows);
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "ByReporter"), (request.Operation, request.IndexName));
        Assert.Equal(["Estimate"], request.Details().ReferencedNames("FilterExpression"));
        Assert.Equal(["Code", "Estimate", "Title"], request.Details().ProjectedNames());
    }

    [Fact]
    public async Task An_include_index_is_not_chosen_when_the_projection_reads_an_attribute_it_lacks()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var rows = await context.Tickets.Where(t => t.Reporter == "tom").Select(t => new { t.Code, t.Assignee }).ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Reporter == "tom").Select(t => new { t.Code, t.Assignee });
        Assert.Equal(expected.OrderBy(r => r.Code, StringComparer.Ordinal), rows.OrderBy(r => r.Code, StringComparer.Ordinal));
        Assert.Equal([("Scan", null)], log.Requests.Select(r => (r.Operation, r.IndexName)));
        Assert.Contains(DynamoDbEventId.ScanQueryWarning, log.EventIds);
    }

    [Fact]
    public async Task An_include_index_is_not_chosen_for_whole_entities()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.Reporter == "uma").ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Reporter == "uma").Keys(), tickets.Keys());
        Assert.Equal([("Scan", null)], log.Requests.Select(r => (r.Operation, r.IndexName)));
    }

    [Fact]
    public async Task OrderBy_the_sort_key_of_a_global_index_reads_it_backwards_without_a_warning()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Assignee == "dia").OrderByDescending(t => t.Opened).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Assignee == "dia").OrderByDescending(t => t.Opened).OrderedKeys(), tickets.OrderedKeys());
        var request = Assert.Single(log.Requests);
        Assert.Equal("ByAssignee", request.IndexName);
        Assert.False(request.Details().Bool("ScanIndexForward"));
        Assert.DoesNotContain(DynamoDbEventId.ClientSideOrderingWarning, log.EventIds);
    }

    [Fact]
    public async Task OrderBy_a_global_index_sort_key_then_another_key_sorts_on_the_client()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.State == TicketState.Closed).Select(t => new { t.Points, t.Code })
            .OrderBy(t => t.Points).ThenByDescending(t => t.Code).ToListAsync();

        Assert.Equal(
            fixture.Tickets.Where(t => t.State == TicketState.Closed).Select(t => new { t.Points, t.Code }).OrderBy(t => t.Points).ThenByDescending(t => t.Code, StringComparer.Ordinal),
            tickets);
        Assert.Equal([("Query", "ByState")], log.Requests.Select(r => (r.Operation, r.IndexName)));
        Assert.Contains(DynamoDbEventId.ClientSideOrderingWarning, log.EventIds);
    }

    [Fact]
    public async Task Max_of_a_global_index_sort_key_reads_one_item_backwards()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var latest = await context.Tickets.Where(t => t.Assignee == "ana").MaxAsync(t => t.Opened);

        Assert.Equal(fixture.Tickets.Where(t => t.Assignee == "ana").Max(t => t.Opened), latest);
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "ByAssignee"), (request.Operation, request.IndexName));
        Assert.Equal(1, request.Details().Int("Limit"));
        Assert.False(request.Details().Bool("ScanIndexForward"));
    }

    [Fact]
    public async Task Count_on_a_global_index_partition_counts_on_the_index()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var count = await context.Tickets.CountAsync(t => t.Assignee == "chen");

        Assert.Equal(fixture.Tickets.Count(t => t.Assignee == "chen"), count);
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "ByAssignee"), (request.Operation, request.IndexName));
        Assert.Equal("COUNT", request.Details().String("Select"));
    }

    [Fact]
    public async Task Equality_with_null_on_a_sparse_index_partition_key_scans_the_table()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.Assignee == null && t.Points > 2).ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Assignee == null && t.Points > 2).Keys();
        Assert.Equal(expected, tickets.Keys());
        Assert.NotEmpty(expected);
        Assert.Equal([("Scan", null)], log.Requests.Select(r => (r.Operation, r.IndexName)));
        Assert.Contains(DynamoDbEventId.ScanQueryWarning, log.EventIds);
    }

    [Fact]
    public async Task A_captured_null_compared_with_a_sparse_index_partition_key_scans_the_table_at_that_execution()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        foreach (var assignee in new[] { "ben", null, "chen", null })
        {
            log.Clear();

            var tickets = await context.Tickets.Where(t => t.Assignee == assignee).OrderBy(t => t.Opened).ToListAsync();
            var count = await context.Tickets.CountAsync(t => t.Assignee == assignee);
            var latest = await context.Tickets.Where(t => t.Assignee == assignee).MaxAsync(t => t.Opened);

            var expected = fixture.Tickets.Where(t => t.Assignee == assignee).OrderBy(t => t.Opened).OrderedKeys();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, tickets.OrderedKeys());
            Assert.Equal(expected.Count, count);
            Assert.Equal(fixture.Tickets.Where(t => t.Assignee == assignee).Max(t => t.Opened), latest);
            Assert.Equal(
                assignee is null ? [("Scan", null), ("Scan", null), ("Scan", null)] : [("Query", "ByAssignee"), ("Query", "ByAssignee"), ("Query", "ByAssignee")],
                log.Requests.Select(r => (r.Operation, r.IndexName)));
            Assert.Equal(assignee is null, log.EventIds.Contains(DynamoDbEventId.ScanQueryWarning));
        }
    }

    [Fact]
    public async Task A_captured_null_on_a_sparse_index_key_is_refused_when_scans_are_errors()
    {
        string? milestone = null;
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ScanQueryWarning)));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Tickets.Where(t => t.Milestone == milestone).ToListAsync());
        milestone = "m4";
        var tickets = await context.Tickets.Where(t => t.Milestone == milestone).ToListAsync();

        Assert.Contains(nameof(DynamoDbEventId.ScanQueryWarning), exception.Message, StringComparison.Ordinal);
        Assert.Equal(fixture.Tickets.Where(t => t.Milestone == "m4").Keys(), tickets.Keys());
        Assert.Equal([("Query", "ByMilestone")], log.Requests.Select(r => (r.Operation, r.IndexName)));
    }

    [Fact]
    public async Task A_captured_null_on_a_sparse_index_reads_pages_of_the_table()
    {
        string? assignee = null;
        await using var context = fixture.CreateContext();
        var pages = new List<DynamoDbPage<Ticket>>();
        string? token = null;
        do
        {
            var page = await context.Tickets.Where(t => t.Assignee == assignee && t.Severity != Severity.Low).ToPageAsync(3, token);
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null);

        var expected = fixture.Tickets.Where(t => t.Assignee == assignee && t.Severity != Severity.Low).Keys();
        Assert.Equal(expected, pages.SelectMany(p => p.Values).Keys());
        Assert.All(pages.SkipLast(1), p => Assert.Equal(3, p.Values.Count));
        Assert.True(pages.Count >= 2);
    }

    [Fact]
    public async Task An_index_with_a_nullable_sort_key_is_not_chosen_when_the_query_does_not_constrain_its_sort_key()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var tickets = await context.Tickets.Where(t => t.Severity == Severity.High).ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Severity == Severity.High).Keys();
        Assert.Contains(fixture.Tickets, t => t.Severity == Severity.High && t.Due == null);
        Assert.Equal(expected, tickets.Keys());
        Assert.Equal([("Scan", null)], log.Requests.Select(r => (r.Operation, r.IndexName)));
    }

    [Fact]
    public async Task An_index_with_a_nullable_sort_key_is_chosen_when_the_query_constrains_its_sort_key()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Severity == Severity.Medium && t.Due >= new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc)).ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Severity == Severity.Medium && t.Due >= new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc)).Keys();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, tickets.Keys());
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "BySeverityDue"), (request.Operation, request.IndexName));
        Assert.Equal(["Due", "Severity"], request.Details().ReferencedNames("KeyConditionExpression"));
    }

    [Fact]
    public async Task A_captured_null_compared_with_a_nullable_index_sort_key_scans_the_table_at_that_execution()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        foreach (var due in new DateTime?[] { null, new DateTime(2024, 6, 4, 0, 0, 0, DateTimeKind.Utc) })
        {
            log.Clear();

            var tickets = await context.Tickets.Where(t => t.Severity == Severity.Critical && t.Due == due).ToListAsync();

            var expected = fixture.Tickets.Where(t => t.Severity == Severity.Critical && t.Due == due).Keys();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, tickets.Keys());
            Assert.Equal(due is null ? [("Scan", null)] : [("Query", "BySeverityDue")], log.Requests.Select(r => (r.Operation, r.IndexName)));
        }
    }

    [Fact]
    public async Task WithIndex_reads_a_local_index_with_its_sort_key_in_the_key_condition()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.WithIndex("ByOpened").Where(t => t.Project == "borealis" && t.Opened >= March).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "borealis" && t.Opened >= March).OrderBy(t => t.Opened).OrderedKeys(), tickets.OrderedKeys());
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "ByOpened"), (request.Operation, request.IndexName));
        Assert.Equal(["Opened", "Project"], request.Details().ReferencedNames("KeyConditionExpression"));
        Assert.Null(request.Details().String("FilterExpression"));
    }

    [Fact]
    public async Task Without_WithIndex_a_condition_on_a_local_index_sort_key_reads_the_local_index()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Project == "borealis" && t.Opened >= May).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "borealis" && t.Opened >= May).Keys(), tickets.Keys());
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "ByOpened"), (request.Operation, request.IndexName));
        Assert.Empty(request.Details().ReferencedNames("FilterExpression"));
    }

    [Fact]
    public async Task WithIndex_on_a_local_index_orders_by_its_sort_key_without_a_warning()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Project == "cygnus").WithIndex("ByOpened").OrderByDescending(t => t.Opened).Take(4).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "cygnus").OrderByDescending(t => t.Opened).Take(4).OrderedKeys(), tickets.OrderedKeys());
        var request = Assert.Single(log.Requests);
        Assert.Equal("ByOpened", request.IndexName);
        Assert.False(request.Details().Bool("ScanIndexForward"));
        Assert.Equal(4, request.Details().Int("Limit"));
        Assert.DoesNotContain(DynamoDbEventId.ClientSideOrderingWarning, log.EventIds);
    }

    [Fact]
    public async Task WithIndex_on_a_local_include_index_serves_a_projection_it_holds()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Tickets.WithIndex("ByPoints").Where(t => t.Project == "apollo" && t.Points < 5).Select(t => new { t.Points, t.Title, t.Code }).ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Project == "apollo" && t.Points < 5).Select(t => new { t.Points, t.Title, t.Code });
        Assert.Equal(expected.OrderBy(r => r.Points).ThenBy(r => r.Code, StringComparer.Ordinal), rows.OrderBy(r => r.Points).ThenBy(r => r.Code, StringComparer.Ordinal));
        Assert.Equal(rows.Select(r => r.Points).Order(), rows.Select(r => r.Points));
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "ByPoints"), (request.Operation, request.IndexName));
        Assert.Equal(["Points", "Project"], request.Details().ReferencedNames("KeyConditionExpression"));
    }

    [Fact]
    public async Task WithIndex_forces_a_global_index_even_where_the_table_fits()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.Where(t => t.Assignee == "ben" && t.Project == "cygnus").WithIndex("ByAssignee").ToListAsync();

        var expected = fixture.Tickets.Where(t => t.Assignee == "ben" && t.Project == "cygnus").Keys();
        Assert.Equal(expected, tickets.Keys());
        Assert.NotEmpty(expected);
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "ByAssignee"), (request.Operation, request.IndexName));
        Assert.Equal(["Assignee"], request.Details().ReferencedNames("KeyConditionExpression"));
    }

    [Fact]
    public async Task WithConsistentRead_on_a_local_index_reads_consistently()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var tickets = await context.Tickets.WithIndex("ByOpened").WithConsistentRead().Where(t => t.Project == "apollo" && t.Opened < March).ToListAsync();

        Assert.Equal(fixture.Tickets.Where(t => t.Project == "apollo" && t.Opened < March).Keys(), tickets.Keys());
        var request = Assert.Single(log.Requests);
        Assert.Equal("ByOpened", request.IndexName);
        Assert.True(request.Details().Bool("ConsistentRead"));
    }

    [Fact]
    public async Task WithConsistentRead_on_a_global_index_is_an_error_and_sends_nothing()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Tickets.Where(t => t.Milestone == "m1").WithConsistentRead().ToListAsync());

        Assert.Contains(DynamoDbStrings.ConsistentReadOnGlobalIndex("ByMilestone"), exception.Message, StringComparison.Ordinal);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task WithIndex_naming_an_unknown_index_is_an_error_and_sends_nothing()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Tickets.Where(t => t.Project == "apollo").WithIndex("ByNothing").ToListAsync());

        Assert.Contains(DynamoDbStrings.UnknownIndex("ByNothing", nameof(Ticket)), exception.Message, StringComparison.Ordinal);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task WithIndex_without_equality_on_the_index_partition_key_is_an_error_and_sends_nothing()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Tickets.Where(t => t.Project == "apollo" && t.Assignee != "ben").WithIndex("ByAssignee").ToListAsync());

        Assert.Contains(DynamoDbStrings.IndexPartitionKeyNotConstrained("ByAssignee", nameof(Ticket.Assignee)), exception.Message, StringComparison.Ordinal);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task WithIndex_on_an_index_that_lacks_attributes_the_query_reads_is_an_error_and_sends_nothing()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Tickets.Where(t => t.Reporter == "rita").WithIndex("ByReporter").Select(t => new { t.Code, t.Milestone }).ToListAsync());

        Assert.Contains(DynamoDbStrings.IndexLacksAttributes("ByReporter", "'Milestone'"), exception.Message, StringComparison.Ordinal);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task WithIndex_on_a_keys_only_index_for_whole_entities_is_an_error()
    {
        await using var context = fixture.CreateContext();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Tickets.Where(t => t.State == TicketState.Open).WithIndex("ByState").ToListAsync());

        Assert.Contains("'ByState'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'Title'", exception.Message, StringComparison.Ordinal);
    }
}
