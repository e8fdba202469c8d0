using System.Globalization;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Tests.ClientEvaluation;

/// <summary>
/// What DynamoDB cannot express in a predicate is checked on the returned items: the requests keep what it can
/// (key condition, filter), the rest is checked with C# semantics. Items come from <see cref="ScriptedClientWrapper" />.
/// </summary>
public sealed class DynamoDbClientEvaluationTests
{
    private static ScenarioContext Context(
        List<EventData>? events = null,
        Action<DbContextOptionsBuilder>? configure = null,
        [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Article>().HasKey(a => new { a.Blog, a.Slug }),
            configure: o =>
            {
                ScriptedClientWrapper.Use(o);
                if (events is not null)
                {
                    o.LogTo((_, _) => true, events.Add);
                }

                configure?.Invoke(o);
            },
            scenario: nameof(DynamoDbClientEvaluationTests) + "." + scenario);

    private static Dictionary<string, AttributeValue> Item(string slug, string? title, int views, params string[] tags)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["Blog"] = new() { S = "b1" },
            ["Slug"] = new() { S = slug },
            ["Views"] = new() { N = views.ToString(CultureInfo.InvariantCulture) },
            ["PublishedAt"] = new() { S = "2024-05-01T10:30:00.0000000Z" },
            ["Tags"] = new() { L = tags.Select(t => new AttributeValue { S = t }).ToList() },
        };
        if (title is not null)
        {
            item["Title"] = new() { S = title };
        }

        return item;
    }

    [Fact]
    public void A_partition_key_query_with_a_string_function_stays_a_Query_with_the_translatable_part_as_filter()
    {
        using var db = Context();

        var query = db.Set<Article>().Where(a => a.Blog == "b1" && a.Views > 10 && a.Title!.ToUpper() == "HELLO").Take(3);
        var request = RequestJson.Of(query);

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n1 > :v1", request.Member("FilterExpression"));
        Assert.False(request.TryGetProperty("Limit", out _));
        Assert.Contains(RequestJson.Notes(query), n => n.Contains("a.Title.ToUpper() == \"HELLO\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_whole_key_with_a_residual_is_still_a_GetItem_checked_on_the_item()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Article>().Where(a => a.Blog == "b1" && a.Slug == "s1" && a.Title!.EndsWith("x")));

        Assert.Equal("GetItem", request.Member("Operation"));
    }

    [Fact]
    public void A_disjunction_with_an_untranslatable_side_goes_to_the_client_whole()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Article>().Where(a => a.Blog == "b1" && (a.Views > 10 || a.Title!.ToLower() == "x")));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Null(request.Member("FilterExpression"));
    }

    [Fact]
    public async Task Items_are_checked_with_CSharp_null_semantics()
    {
        await using var db = Context();
        ScriptedClientWrapper.Of(db).RespondToQuery = _ => new QueryResponse
        {
            Items = [Item("s1", "Hello", 5), Item("s2", null, 5), Item("s3", "hello", 5), Item("s4", "Bye", 5)],
            Count = 4,
        };

        var upper = await db.Set<Article>().Where(a => a.Blog == "b1" && a.Title!.ToUpper() == "HELLO").Select(a => a.Slug).ToListAsync();
        var notUpper = await db.Set<Article>().Where(a => a.Blog == "b1" && a.Title!.ToUpper() != "HELLO").Select(a => a.Slug).ToListAsync();
        var length = await db.Set<Article>().Where(a => a.Blog == "b1" && a.Title!.Length + a.Views > 9).Select(a => a.Slug).ToListAsync();

        Assert.Equal(["s1", "s3"], upper);
        Assert.Equal(["s2", "s4"], notUpper);
        Assert.Equal(["s1", "s3"], length);
    }

    [Fact]
    public async Task A_subquery_over_a_primitive_collection_is_checked_on_the_items()
    {
        await using var db = Context();
        ScriptedClientWrapper.Of(db).RespondToQuery = _ => new QueryResponse
        {
            Items = [Item("s1", "a", 1, "ef", "dynamo"), Item("s2", "b", 1, "sql"), Item("s3", "c", 1)],
            Count = 3,
        };

        var any = await db.Set<Article>().Where(a => a.Blog == "b1" && a.Tags.Any(t => t.StartsWith("dyn"))).Select(a => a.Slug).ToListAsync();
        var all = await db.Set<Article>().Where(a => a.Blog == "b1" && a.Tags.All(t => t.Length > 2)).Select(a => a.Slug).ToListAsync();
        var count = await db.Set<Article>().Where(a => a.Blog == "b1" && a.Tags.Count(t => t != "sql") == 2).Select(a => a.Slug).ToListAsync();

        Assert.Equal(["s1"], any);
        Assert.Equal(["s2", "s3"], all);
        Assert.Equal(["s1"], count);
    }

    [Fact]
    public async Task Take_counts_only_the_items_that_pass_the_check_and_pages_on()
    {
        await using var db = Context();
        var pages = new Queue<QueryResponse>([
            new() { Items = [Item("s1", "x", 1), Item("s2", "KEEP", 1)], Count = 2, LastEvaluatedKey = new() { ["Blog"] = new() { S = "b1" }, ["Slug"] = new() { S = "s2" } } },
            new() { Items = [Item("s3", "y", 1), Item("s4", "keep", 1), Item("s5", "Keep", 1)], Count = 3 },
        ]);
        var scripted = ScriptedClientWrapper.Of(db);
        scripted.RespondToQuery = _ => pages.Dequeue();

        var slugs = await db.Set<Article>().Where(a => a.Blog == "b1" && a.Title!.ToLower() == "keep").Take(2).Select(a => a.Slug).ToListAsync();

        Assert.Equal(["s2", "s4"], slugs);
        Assert.Equal(2, scripted.AttemptsOf("Query"));
        Assert.All(scripted.Requests.Cast<QueryRequest>(), r => Assert.Null(r.Limit));
    }

    [Fact]
    public async Task Count_with_a_residual_reads_the_keys_and_the_checked_attributes_instead_of_asking_DynamoDB_to_count()
    {
        await using var db = Context();
        var scripted = ScriptedClientWrapper.Of(db);
        scripted.RespondToQuery = _ => new QueryResponse { Items = [Item("s1", "a", 1), Item("s2", "ab", 1), Item("s3", null, 1)], Count = 3 };

        var count = await db.Set<Article>().CountAsync(a => a.Blog == "b1" && a.Title!.Contains('b'));
        var any = await db.Set<Article>().AnyAsync(a => a.Blog == "b1" && a.Title!.EndsWith("z"));

        Assert.Equal(1, count);
        Assert.False(any);
        var request = (QueryRequest)scripted.Requests[0];
        Assert.Null(request.Select);
        Assert.Equal(["Blog", "Slug", "Title"], request.ProjectionExpression.Split(", ").Select(n => request.ExpressionAttributeNames[n]).Order());
    }

    [Fact]
    public void The_warning_is_logged_once_per_query_shape_with_the_predicate_part_and_the_table()
    {
        var events = new List<EventData>();
        // Logged when a shape is compiled: the suite's shared query cache may evict it between the runs.
        using var db = Context(events, TestContexts.UseCompilationCountingCache);

        for (var views = 0; views < 3; views++)
        {
            _ = db.Set<Article>().Where(a => a.Blog == "b1" && a.Views * 2 > views).ToQueryString();
        }

        var warning = Assert.Single(events, e => e.EventId == DynamoDbEventId.ClientEvaluationWarning);
        Assert.Contains("a.Views * 2 > @views", warning.ToString(), StringComparison.Ordinal);
        Assert.Contains("'Article'", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_warning_can_be_turned_into_an_error()
    {
        using var db = Context(configure: o => o.ConfigureWarnings(w => w.Throw(DynamoDbEventId.ClientEvaluationWarning)));

        var message = Assert.Throws<InvalidOperationException>(() => db.Set<Article>().Where(a => a.Blog == "b1" && a.Title!.Trim() == "x").ToQueryString()).Message;

        Assert.Contains(DynamoDbEventId.ClientEvaluationWarning.Name!, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fully_translatable_predicate_logs_no_warning()
    {
        var events = new List<EventData>();
        using var db = Context(events);

        _ = db.Set<Article>().Where(a => a.Blog == "b1" && a.Title!.StartsWith("x")).ToQueryString();

        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.ClientEvaluationWarning);
    }

    [Fact]
    public void A_method_of_the_application_still_fails_with_the_reason()
    {
        using var db = Context();

        var message = Assert.Throws<InvalidOperationException>(() => db.Set<Article>().Where(a => Shout(a.Title!) == "X").ToQueryString()).Message;

        Assert.Contains("could not be translated", message, StringComparison.Ordinal);
        Assert.Contains("'DynamoDbClientEvaluationTests.Shout'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unmapped_member_still_fails_with_EFs_message()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Product>().Ignore(p => p.Status));

        Assert.Contains(
            CoreStrings.QueryUnableToTranslateMember("Status", "Product"),
            Assert.Throws<InvalidOperationException>(() => db.Set<Product>().Where(p => p.Status!.ToUpper() == "X").ToQueryString()).Message);
    }

    [Fact]
    public async Task A_condition_check_names_what_DynamoDB_cannot_compute()
    {
        await using var db = TestContexts.Shop();

        var message = Assert.Throws<InvalidOperationException>(() => db.Database.AddConditionCheck<Order>(new object[] { "c1", "o1" }, o => o.Note!.ToUpper() == "T")).Message;

        Assert.Contains(DynamoDbStrings.ComputedAttribute("o.Note.ToUpper() == \"T\"", "o.Note.ToUpper()"), message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public void Equals_with_an_entity_compares_the_primary_key()
    {
        using var db = Context();
        var article = new Article { Blog = "b1", Slug = "s9" };

        var request = RequestJson.Of(db.Set<Article>().Where(a => a.Equals(article)));

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Equal(new Dictionary<string, string> { ["Blog"] = "S:b1", ["Slug"] = "S:s9" }, request.Map("Key"));
    }

    [Fact]
    public void A_type_test_every_item_passes_needs_no_client_check()
    {
        var events = new List<EventData>();
        using var db = Context(events);

        var query = db.Set<Article>().Where(a => a.Blog == "b1" && a is Article && a.GetType() == typeof(Article));

        Assert.Equal("Query", RequestJson.Of(query).Member("Operation"));
        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.ClientEvaluationWarning);
    }

    [Fact]
    public void A_culture_sensitive_comparison_is_not_evaluated()
    {
        using var db = Context();

        var message = Assert.Throws<InvalidOperationException>(
            () => db.Set<Article>().Where(a => a.Title!.EndsWith("x", StringComparison.CurrentCulture)).ToQueryString()).Message;

        Assert.Contains("StringComparison.Ordinal", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteDelete_with_a_residual_reads_the_keys_and_deletes_only_the_items_that_pass()
    {
        await using var db = Context();
        var scripted = ScriptedClientWrapper.Of(db);
        scripted.RespondToQuery = _ => new QueryResponse { Items = [Item("s1", "a", 1), Item("s2", "Zed", 1), Item("s3", null, 1)], Count = 3 };

        var deleted = await db.Set<Article>().Where(a => a.Blog == "b1" && a.Title!.ToUpper() == "ZED").ExecuteDeleteAsync();

        Assert.Equal(1, deleted);
        var query = Assert.IsType<QueryRequest>(scripted.Requests[0]);
        Assert.Equal(["Blog", "Slug", "Title"], query.ProjectionExpression.Split(", ").Select(n => query.ExpressionAttributeNames[n]).Order());
        var delete = Assert.IsType<DeleteItemRequest>(Assert.Single(scripted.Requests, r => r is DeleteItemRequest));
        Assert.Equal("s2", delete.Key["Slug"].S);
    }

    private static string Shout(string text) => text.ToUpperInvariant();
}
