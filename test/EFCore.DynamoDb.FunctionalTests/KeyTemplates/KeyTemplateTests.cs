using System.Linq.Expressions;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.KeyTemplates;

/// <summary>
/// Key templates (<c>HasKeyPrefix</c>) against DynamoDB Local: the prefix is in every stored key and index-key
/// attribute (checked raw) and nowhere in the entities; key lookups, key conditions, index queries, filters and
/// writes on the unprefixed values send the prefixed ones; results equal LINQ-to-Objects over the seed.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class KeyTemplateTests(KeyTemplateFixture fixture) : IClassFixture<KeyTemplateFixture>
{
    private static readonly DateTime NotesStart = new(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, Expression<Func<CustomerOrder, bool>>> SortKeyRanges = new()
    {
        ["> 9"] = o => o.CustomerId == "42" && o.OrderNumber > 9,
        [">= 3 && <= 10"] = o => o.CustomerId == "42" && o.OrderNumber >= 3 && o.OrderNumber <= 10,
        ["< 4"] = o => o.CustomerId == "42" && o.OrderNumber < 4,
        ["<= 10"] = o => o.CustomerId == "42" && o.OrderNumber <= 10,
        [">= 2 && < 11 (half-open)"] = o => o.CustomerId == "42" && o.OrderNumber >= 2 && o.OrderNumber < 11,
        ["!= 5"] = o => o.CustomerId == "42" && o.OrderNumber != 5,
        ["== 2 || == 11"] = o => o.CustomerId == "42" && (o.OrderNumber == 2 || o.OrderNumber == 11),
        ["three digits > 50"] = o => o.CustomerId == "7" && o.OrderNumber > 50,
        ["three digits < 50"] = o => o.CustomerId == "7" && o.OrderNumber < 50,
    };

    private static readonly Dictionary<string, Expression<Func<Note, bool>>> NotePredicates = new()
    {
        ["sort key StartsWith"] = n => n.Author == "ada" && n.Slug.StartsWith("al"),
        ["sort key StartsWith one letter"] = n => n.Author == "ada" && n.Slug.StartsWith("b"),
        ["sort key EF.Functions.BeginsWith"] = n => n.Author == "ada" && EF.Functions.BeginsWith(n.Slug, "alp"),
        ["sort key range"] = n => n.Author == "ada" && n.Slug.CompareTo("b") >= 0,
        ["sort key BETWEEN"] = n => n.Author == "ada" && EF.Functions.Between(n.Slug, "al", "b"),
        ["sort key StartsWith in an OR"] = n => n.Author == "ada" && (n.Slug.StartsWith("al") || n.Slug == "gamma"),
        ["index key StartsWith as a filter"] = n => n.Author == "ada" && n.Topic.StartsWith("d"),
        ["index key equality as a filter"] = n => n.Author == "ada" && n.Topic == "ops",
        ["sort key StartsWith in a scan"] = n => n.Slug.StartsWith("al"),
        ["sort key equality in a scan"] = n => n.Slug == "alpha",
        ["partition key IN in a scan"] = n => new[] { "bob", "carol" }.Contains(n.Author),
        ["index sort key range in a scan"] = n => n.WrittenAt >= NotesStart.AddHours(7) && n.WrittenAt < NotesStart.AddHours(60),
    };

    public static TheoryData<string> SortKeyRangeNames => new(SortKeyRanges.Keys);

    public static TheoryData<string> NotePredicateNames => new(NotePredicates.Keys);

    [Fact]
    public async Task Table_and_index_keys_are_stored_with_their_prefixes_and_an_int_sort_key_zero_padded()
    {
        var item = await fixture.GetRawItemAsync("Orders", ("PK", Attr.S("CUSTOMER#42")), ("SK", Attr.S("ORDER#0000000007")));

        Assert.NotNull(item);
        Assert.Equal(["PK", "PlacedOn", "SK", "Status", "Total"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("STATUS#open", item["Status"].S);
        Assert.Equal("DAY#2024-03-07", item["PlacedOn"].S);
        Assert.Equal("73.5", item["Total"].N);
    }

    [Fact]
    public async Task A_DateTime_index_key_is_stored_as_its_ISO_text_after_the_prefix()
    {
        var item = await fixture.GetRawItemAsync("Notes", ("Author", Attr.S("AUTHOR#ada")), ("Slug", Attr.S("NOTE#alpine")));

        Assert.NotNull(item);
        Assert.Equal("TOPIC#db", item["Topic"].S);
        Assert.Equal("AT#2024-05-02T14:00:00.0000000Z", item["WrittenAt"].S);
        Assert.Equal("ada on alpine", item["Text"].S);
    }

    [Fact]
    public async Task Index_key_attributes_are_strings_in_the_table_definition()
    {
        var table = (await fixture.RawClient.DescribeTableAsync(fixture.TableName("Orders"))).Table;

        Assert.Equal(
            [("PK", "S"), ("PlacedOn", "S"), ("SK", "S"), ("Status", "S")],
            table.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)).OrderBy(d => d.AttributeName, StringComparer.Ordinal));
    }

    [Fact]
    public async Task FindAsync_with_the_unprefixed_key_sends_the_prefixed_key_and_returns_the_values_without_prefixes()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var order = await context.Orders.FindAsync("42", 7);

        Assert.NotNull(order);
        Assert.Equal(("42", 7, "open", new DateOnly(2024, 3, 7), 73.5m), (order.CustomerId, order.OrderNumber, order.Status, order.PlacedOn, order.Total));
        var request = Assert.Single(log.Requests);
        Assert.Equal("GetItem", request.Operation);
        Assert.Equal(
            new Dictionary<string, string> { ["PK"] = "S:CUSTOMER#42", ["SK"] = "S:ORDER#0000000007" },
            Key(request.Details()));
    }

    [Fact]
    public async Task A_whole_key_equality_is_a_GetItem_of_the_prefixed_key()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var note = await context.Notes.SingleAsync(n => n.Author == "bob" && n.Slug == "delta");

        Assert.Equal(("bob", "delta", "ops", NotesStart.AddHours(100)), (note.Author, note.Slug, note.Topic, note.WrittenAt));
        Assert.Equal(DateTimeKind.Utc, note.WrittenAt.Kind);
        var request = Assert.Single(log.Requests);
        Assert.Equal("GetItem", request.Operation);
        Assert.Equal(new Dictionary<string, string> { ["Author"] = "S:AUTHOR#bob", ["Slug"] = "S:NOTE#delta" }, Key(request.Details()));
    }

    [Fact]
    public async Task Equality_on_the_unprefixed_partition_key_is_a_Query_of_the_prefixed_value_in_numeric_sort_key_order()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var orders = await context.Orders.Where(o => o.CustomerId == "42").ToListAsync();

        Assert.Equal(Enumerable.Range(1, 12), orders.Select(o => o.OrderNumber));
        Assert.All(orders, o => Assert.Equal("42", o.CustomerId));
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", null), (request.Operation, request.IndexName));
        var details = request.Details();
        Assert.Equal(["PK"], details.ReferencedNames("KeyConditionExpression"));
        Assert.Equal(["S:CUSTOMER#42"], details.Values().Values);
        Assert.Null(details.String("FilterExpression"));
    }

    [Theory]
    [MemberData(nameof(SortKeyRangeNames))]
    public async Task A_condition_on_a_prefixed_int_sort_key_returns_what_LINQ_to_Objects_returns_in_numeric_order(string name)
    {
        var predicate = SortKeyRanges[name];
        var expected = fixture.Orders.Where(predicate.Compile()).Select(o => o.OrderNumber).Order().ToList();
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var orders = await context.Orders.Where(predicate).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, orders.Select(o => o.OrderNumber));
        Assert.Equal([("Query", null)], log.Requests.Select(r => (r.Operation, r.IndexName)));
        Assert.DoesNotContain(DynamoDbEventId.ScanQueryWarning, log.EventIds);
    }

    [Fact]
    public async Task A_sort_key_range_is_a_key_condition_on_zero_padded_prefixed_values()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        await context.Orders.Where(o => o.CustomerId == "42" && o.OrderNumber >= 3 && o.OrderNumber <= 10).ToListAsync();

        var details = Assert.Single(log.Requests).Details();
        Assert.Contains(" BETWEEN ", details.String("KeyConditionExpression"), StringComparison.Ordinal);
        Assert.Equal(["PK", "SK"], details.ReferencedNames("KeyConditionExpression"));
        Assert.Equal(["S:CUSTOMER#42", "S:ORDER#0000000003", "S:ORDER#0000000010"], details.Values().Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ordering_descending_by_a_prefixed_int_sort_key_is_numeric()
    {
        await using var context = fixture.CreateContext();

        var orders = await context.Orders.Where(o => o.CustomerId == "42").OrderByDescending(o => o.OrderNumber).Take(3).ToListAsync();

        Assert.Equal([12, 11, 10], orders.Select(o => o.OrderNumber));
    }

    [Fact]
    public async Task Max_of_a_prefixed_int_sort_key_is_the_number_without_the_prefix()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(12, await context.Orders.Where(o => o.CustomerId == "42").MaxAsync(o => o.OrderNumber));
        Assert.Equal(3, await context.Orders.Where(o => o.CustomerId == "7").MinAsync(o => o.OrderNumber));
    }

    [Fact]
    public async Task Pages_of_a_Query_on_prefixed_keys_continue_in_numeric_order()
    {
        await using var context = fixture.CreateContext();
        var numbers = new List<int>();
        string? token = null;
        do
        {
            var page = await context.Orders.Where(o => o.CustomerId == "42").ToPageAsync(5, token);
            numbers.AddRange(page.Values.Select(o => o.OrderNumber));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(1, 12), numbers);
    }

    [Fact]
    public async Task StartsWith_on_a_prefixed_string_sort_key_is_begins_with_of_the_prefixed_value()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var notes = await context.Notes.Where(n => n.Author == "ada" && n.Slug.StartsWith("al")).ToListAsync();

        Assert.Equal(["al", "alpha", "alpine"], notes.Select(n => n.Slug));
        var details = Assert.Single(log.Requests).Details();
        Assert.Contains("begins_with(", details.String("KeyConditionExpression"), StringComparison.Ordinal);
        Assert.Equal(["Author", "Slug"], details.ReferencedNames("KeyConditionExpression"));
        Assert.Equal(["S:AUTHOR#ada", "S:NOTE#al"], details.Values().Values.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NotePredicateNames))]
    public async Task A_condition_on_prefixed_keys_returns_what_LINQ_to_Objects_returns(string name)
    {
        var predicate = NotePredicates[name];
        var expected = fixture.Notes.Where(LinqToObjects.Compile(predicate)).Select(n => n.ToString()).Order(StringComparer.Ordinal).ToList();
        await using var context = fixture.CreateContext();

        var notes = await context.Notes.Where(predicate).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, notes.Select(n => n.ToString()).Order(StringComparer.Ordinal));
        Assert.All(notes, n => Assert.DoesNotContain("#", n.Author + n.Slug + n.Topic, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartsWith_on_a_prefixed_index_key_in_a_filter_is_begins_with_of_the_prefixed_value()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var notes = await context.Notes.Where(n => n.Author == "ada" && n.Topic.StartsWith("d")).ToListAsync();

        Assert.Equal(["alpha", "alpine", "b", "beta"], notes.Select(n => n.Slug).Order(StringComparer.Ordinal));
        var details = Assert.Single(log.Requests).Details();
        Assert.Equal(["Topic"], details.ReferencedNames("FilterExpression"));
        Assert.Contains("S:TOPIC#d", details.Values().Values);
    }

    [Fact]
    public async Task Equality_on_a_prefixed_index_partition_key_queries_the_index_with_the_prefixed_value()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var orders = await context.Orders.Where(o => o.Status == "shipped").ToListAsync();

        Assert.Equal(
            fixture.Orders.Where(o => o.Status == "shipped").OrderBy(o => o.PlacedOn).Select(o => o.ToString()),
            orders.Select(o => o.ToString()));
        Assert.All(orders, o => Assert.Equal("shipped", o.Status));
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "ByStatus"), (request.Operation, request.IndexName));
        Assert.Equal(["S:STATUS#shipped"], request.Details().Values().Values);
    }

    [Fact]
    public async Task A_DateOnly_range_on_a_prefixed_index_sort_key_is_a_key_condition_on_prefixed_ISO_dates()
    {
        var from = new DateOnly(2024, 3, 5);
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var orders = await context.Orders.Where(o => o.Status == "open" && o.PlacedOn >= from).ToListAsync();

        var expected = fixture.Orders.Where(o => o.Status == "open" && o.PlacedOn >= from).OrderBy(o => o.PlacedOn).Select(o => o.ToString()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, orders.Select(o => o.ToString()));
        var details = Assert.Single(log.Requests).Details();
        Assert.Equal(["PlacedOn", "Status"], details.ReferencedNames("KeyConditionExpression"));
        Assert.Equal(["S:DAY#2024-03-05", "S:STATUS#open"], details.Values().Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_DateTime_range_on_a_prefixed_index_sort_key_returns_what_LINQ_to_Objects_returns()
    {
        var until = NotesStart.AddHours(40);
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var notes = await context.Notes.Where(n => n.Topic == "db" && n.WrittenAt < until).ToListAsync();

        var expected = fixture.Notes.Where(n => n.Topic == "db" && n.WrittenAt < until).OrderBy(n => n.WrittenAt).Select(n => n.ToString()).ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, notes.Select(n => n.ToString()));
        var request = Assert.Single(log.Requests);
        Assert.Equal("ByTopic", request.IndexName);
        Assert.Equal(["S:AT#2024-05-03T00:00:00.0000000Z", "S:TOPIC#db"], request.Details().Values().Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Contains_of_unprefixed_sort_key_values_reads_those_items()
    {
        int[] numbers = [2, 11, 99];
        await using var context = fixture.CreateContext();

        var orders = await context.Orders.Where(o => o.CustomerId == "42" && numbers.Contains(o.OrderNumber)).ToListAsync();

        Assert.Equal([2, 11], orders.Select(o => o.OrderNumber).Order());
    }

    [Fact]
    public async Task Items_written_without_the_prefixes_read_unchanged()
    {
        await fixture.RawClient.PutItemAsync(fixture.TableName("Orders"), new Dictionary<string, AttributeValue>
        {
            ["PK"] = Attr.S("legacy-1"),
            ["SK"] = Attr.S("5"),
            ["Status"] = Attr.S("legacy"),
            ["PlacedOn"] = Attr.S("2022-01-02"),
            ["Total"] = Attr.N("999"),
        });
        await using var context = fixture.CreateContext();

        var order = await context.Orders.SingleAsync(o => o.Total == 999m);

        Assert.Equal(("legacy-1", 5, "legacy", new DateOnly(2022, 1, 2)), (order.CustomerId, order.OrderNumber, order.Status, order.PlacedOn));
    }

    [Fact]
    public async Task Writes_of_an_entity_with_prefixed_keys_address_and_store_the_prefixed_values()
    {
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging()))
        {
            context.Orders.Add(new CustomerOrder { CustomerId = "w-1", OrderNumber = 1234, Status = "pending", PlacedOn = new DateOnly(2025, 1, 31), Total = 5m });
            await context.SaveChangesAsync();
        }

        var put = Assert.Single(log.Requests);
        Assert.Equal("PutItem", put.Operation);
        var stored = await fixture.GetRawItemAsync("Orders", ("PK", Attr.S("CUSTOMER#w-1")), ("SK", Attr.S("ORDER#0000001234")));
        Assert.NotNull(stored);
        Assert.Equal(("STATUS#pending", "DAY#2025-01-31"), (stored["Status"].S, stored["PlacedOn"].S));
        log.Clear();

        await using (var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging()))
        {
            var order = await context.Orders.SingleAsync(o => o.Status == "pending");
            Assert.Equal(("w-1", 1234), (order.CustomerId, order.OrderNumber));
            order.Status = "closed";
            await context.SaveChangesAsync();
        }

        var update = log.Requests[^1];
        Assert.Equal("UpdateItem", update.Operation);
        Assert.Equal(new Dictionary<string, string> { ["PK"] = "S:CUSTOMER#w-1", ["SK"] = "S:ORDER#0000001234" }, Key(update.Details()));
        Assert.Contains("S:STATUS#closed", update.Details().Values().Values);
        stored = await fixture.GetRawItemAsync("Orders", ("PK", Attr.S("CUSTOMER#w-1")), ("SK", Attr.S("ORDER#0000001234")));
        Assert.Equal("STATUS#closed", stored!["Status"].S);
        log.Clear();

        await using (var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging()))
        {
            var order = await context.Orders.SingleAsync(o => o.Status == "closed");
            context.Orders.Remove(order);
            await context.SaveChangesAsync();
        }

        var delete = log.Requests[^1];
        Assert.Equal("DeleteItem", delete.Operation);
        Assert.Equal(new Dictionary<string, string> { ["PK"] = "S:CUSTOMER#w-1", ["SK"] = "S:ORDER#0000001234" }, Key(delete.Details()));
        Assert.Null(await fixture.GetRawItemAsync("Orders", ("PK", Attr.S("CUSTOMER#w-1")), ("SK", Attr.S("ORDER#0000001234"))));
    }

    // The Key of a GetItem/UpdateItem/DeleteItem request as "type:text" by attribute name.
    private static Dictionary<string, string> Key(JsonElement request)
        => request.GetProperty("Key").EnumerateObject()
            .ToDictionary(p => p.Name, p => string.Join(",", p.Value.EnumerateObject().Select(t => t.Name + ":" + t.Value)));
}
