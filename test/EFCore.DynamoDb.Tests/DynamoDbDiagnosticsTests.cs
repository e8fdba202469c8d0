using System.Reflection;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.Tests;

public class DynamoDbDiagnosticsTests
{
    private static IReadOnlyList<(string Field, EventId Id)> EventIds()
        => typeof(DynamoDbEventId).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(EventId))
            .Select(f => (f.Name, (EventId)f.GetValue(null)!))
            .ToList();

    // Each scenario gets its own model, so its queries are compiled (and logged) afresh.
    private static ScenarioContext Context(
        List<EventData> events,
        Action<DbContextOptionsBuilder>? configure = null,
        [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Product>(),
            configure: o =>
            {
                o.LogTo((_, _) => true, events.Add);
                configure?.Invoke(o);
            },
            scenario: nameof(DynamoDbDiagnosticsTests) + "." + scenario);

    private static void OwnQueryCache(DbContextOptionsBuilder options) => TestContexts.UseCompilationCountingCache(options);

    [Fact]
    public void Event_ids_are_distinct()
    {
        var ids = EventIds();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Select(i => i.Id.Id).Distinct().Count());
        Assert.Equal(ids.Count, ids.Select(i => i.Id.Name).Distinct().Count());
    }

    [Fact]
    public void Event_ids_are_in_EF_provider_range()
        => Assert.All(EventIds(), i => Assert.InRange(i.Id.Id, CoreEventId.ProviderBaseId, CoreEventId.ProviderDesignBaseId - 1));

    [Fact]
    public void Event_names_are_the_field_names_under_an_EF_logger_category()
        => Assert.All(EventIds(), i =>
        {
            Assert.StartsWith("Microsoft.EntityFrameworkCore.", i.Id.Name);
            Assert.EndsWith("." + i.Field, i.Id.Name);
        });

    [Fact]
    public void The_scan_warning_is_in_the_query_category()
        => Assert.Equal("Microsoft.EntityFrameworkCore.Query.ScanQueryWarning", DynamoDbEventId.ScanQueryWarning.Name);

    [Fact]
    public void A_Scan_query_logs_the_scan_warning_when_it_is_compiled()
    {
        var events = new List<EventData>();
        using var db = Context(events);

        db.Set<Product>().Where(p => p.Stock > 3).ToQueryString();

        var warning = Assert.Single(events, e => e.EventId == DynamoDbEventId.ScanQueryWarning);
        Assert.Equal(LogLevel.Warning, warning.LogLevel);
        Assert.Contains("A query for 'Product'", warning.ToString());
        Assert.Contains("the table 'Product'", warning.ToString());
        Assert.Contains("Scan", warning.ToString());
    }

    [Fact]
    public void The_scan_warning_names_the_table_with_its_prefix()
    {
        var events = new List<EventData>();
        using var db = Context(events, o => o.UseDynamoDb(d => d.TableNamePrefix("dev-")));

        db.Set<Product>().ToQueryString();

        Assert.Contains("'dev-Product'", Assert.Single(events, e => e.EventId == DynamoDbEventId.ScanQueryWarning).ToString());
    }

    [Fact]
    public void The_scan_warning_is_logged_once_per_compiled_query()
    {
        var events = new List<EventData>();
        using var db = Context(events, OwnQueryCache);

        for (var stock = 1; stock <= 3; stock++)
        {
            db.Set<Product>().Where(p => p.Stock > stock).ToQueryString();
        }

        Assert.Single(events, e => e.EventId == DynamoDbEventId.ScanQueryWarning);
    }

    [Fact]
    public void A_GetItem_query_logs_no_scan_warning()
    {
        var events = new List<EventData>();
        using var db = Context(events);

        db.Set<Product>().Where(p => p.Id == 1).ToQueryString();

        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.ScanQueryWarning);
    }

    [Fact]
    public void A_Query_logs_no_scan_warning()
    {
        var events = new List<EventData>();
        using var db = Context(events);

        db.Set<Product>().Where(p => p.Id == 1 && p.Stock > 2).ToQueryString();

        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.ScanQueryWarning);
    }

    [Fact]
    public void The_scan_warning_configured_to_throw_fails_ToQueryString()
    {
        using var db = TestContexts.Shop(configure: o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ScanQueryWarning)));

        var exception = Assert.Throws<InvalidOperationException>(() => db.Orders.Where(o => o.Total > 1).ToQueryString());

        Assert.Contains(DynamoDbEventId.ScanQueryWarning.Name!, exception.Message);
        Assert.Contains("'Order'", exception.Message);
    }

    [Fact]
    public async Task The_scan_warning_configured_to_throw_fails_execution_before_sending()
    {
        await using var db = TestContexts.Shop(configure: o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ScanQueryWarning)));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Orders.ToListAsync());

        Assert.Contains(DynamoDbEventId.ScanQueryWarning.Name!, exception.Message);
    }

    [Fact]
    public void The_scan_warning_configured_to_throw_leaves_key_queries_alone()
    {
        using var db = TestContexts.Shop(configure: o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ScanQueryWarning)));

        Assert.Equal("Query", RequestJson.Of(db.Orders.Where(o => o.CustomerId == "c1" && o.Total > 1)).Member("Operation"));
    }

    [Fact]
    public void A_query_shape_is_compiled_once_for_different_parameter_values()
    {
        var events = new List<EventData>();
        using var db = Context(events, OwnQueryCache);

        foreach (var id in new[] { 1, 2, 3 })
        {
            Assert.Equal(
                new Dictionary<string, string> { ["Id"] = "N:" + id },
                RequestJson.Of(db.Set<Product>().Where(p => p.Id == id)).Map("Key"));
        }

        Assert.Single(events, e => e.EventId == CoreEventId.QueryCompilationStarting);
    }

    [Fact]
    public void Ordering_by_a_non_key_attribute_logs_the_client_side_ordering_warning_when_it_is_compiled()
    {
        var events = new List<EventData>();
        using var db = Context(events);

        db.Set<Product>().Where(p => p.Id == 1 || p.Stock > 2).OrderBy(p => p.Name).ThenByDescending(p => p.Stock).ToQueryString();

        var warning = Assert.Single(events, e => e.EventId == DynamoDbEventId.ClientSideOrderingWarning);
        Assert.Equal(LogLevel.Warning, warning.LogLevel);
        Assert.Equal(
            "A query for 'Product' orders by 'Name', 'Stock' descending, which DynamoDB cannot return in order (it orders a Query by its sort key only), so every matching item is read and sorted on the client. Order by the sort key of a Query, or query an index whose sort key is the ordering.",
            warning.ToString());
    }

    [Fact]
    public void The_client_side_ordering_warning_is_logged_once_per_compiled_query()
    {
        var events = new List<EventData>();
        using var db = Context(events, OwnQueryCache);

        for (var stock = 1; stock <= 3; stock++)
        {
            db.Set<Product>().Where(p => p.Stock > stock).OrderBy(p => p.Name).ToQueryString();
        }

        Assert.Single(events, e => e.EventId == DynamoDbEventId.ClientSideOrderingWarning);
    }

    [Fact]
    public void Ordering_a_Query_by_its_sort_key_logs_no_client_side_ordering_warning()
    {
        var events = new List<EventData>();
        using var db = TestContexts.Scenario(
            b => b.Entity<Reading>().HasKey(r => new { r.DeviceId, r.Timestamp }),
            configure: o => o.LogTo((_, _) => true, events.Add));

        db.Set<Reading>().Where(r => r.DeviceId == "d1").OrderByDescending(r => r.Timestamp).ToQueryString();

        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.ClientSideOrderingWarning);
    }

    [Fact]
    public void The_client_side_ordering_warning_configured_to_throw_fails_ToQueryString()
    {
        using var db = TestContexts.Shop(configure: o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ClientSideOrderingWarning)));

        var exception = Assert.Throws<InvalidOperationException>(() => db.Readings.Where(r => r.DeviceId == "d1").OrderBy(r => r.Value).ToQueryString());

        Assert.Contains(DynamoDbEventId.ClientSideOrderingWarning.Name!, exception.Message);
        Assert.Contains("'Reading'", exception.Message);
        Assert.Contains("'Value'", exception.Message);
    }

    [Fact]
    public void A_Query_on_a_secondary_index_logs_no_scan_warning()
    {
        var events = new List<EventData>();
        using var db = TestContexts.Scenario(
            b => b.Entity<Product>().HasGlobalSecondaryIndex("ByName", p => p.Name),
            configure: o => o.LogTo((_, _) => true, events.Add));

        Assert.Equal("ByName", RequestJson.Of(db.Set<Product>().Where(p => p.Name == "pen")).Member("IndexName"));
        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.ScanQueryWarning);
    }

    [Fact]
    public async Task Consumed_capacity_is_asked_for_only_when_requests_are_logged()
    {
        var (client, recorder) = AnsweringDynamoDbClient.Create();
        var logged = new List<string>();

        // A client of its own means an internal service provider of its own, which EF counts across the test run.
        DbContextOptionsBuilder<ShopContext> Options() => new DbContextOptionsBuilder<ShopContext>()
            .UseDynamoDb(client)
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
        await using (var quiet = new ShopContext(Options().Options))
        {
            quiet.Add(new Customer { Id = "quiet", Name = "Q" });
            await quiet.SaveChangesAsync();
        }

        await using (var logging = new ShopContext(Options().LogTo(logged.Add, [DynamoDbEventId.RequestExecuted]).Options))
        {
            logging.Add(new Customer { Id = "logged", Name = "L" });
            await logging.SaveChangesAsync();
        }

        var puts = recorder.Requests.OfType<Amazon.DynamoDBv2.Model.PutItemRequest>().ToList();
        Assert.Null(puts[0].ReturnConsumedCapacity);
        Assert.Equal(Amazon.DynamoDBv2.ReturnConsumedCapacity.TOTAL, puts[1].ReturnConsumedCapacity);
        Assert.Single(logged);
    }
}
