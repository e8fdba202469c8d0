using System.Text.Json;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.FunctionalTests.Query;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.PartiQL;

/// <summary>
/// <c>FromPartiQL</c>/<c>FromPartiQLRaw</c> on DynamoDB Local: the statement runs with ExecuteStatement, its values
/// sent as parameters and never spliced into the text, its pages followed with NextToken; the results equal
/// LINQ-to-Objects over the seeded orders, tracked unless AsNoTracking, and compose with Take, First, ToPageAsync and
/// AsAsyncEnumerable; anything else, and statements that do not select the entity type's table, are clear errors.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class FromPartiQLTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    private OrdersContext Context(RequestLog log, bool sensitive = true)
        => fixture.CreateContext(log, o =>
        {
            if (sensitive)
            {
                o.EnableSensitiveDataLogging();
            }
        });

    private static IEnumerable<string> Keys(IEnumerable<Order> orders) => orders.Select(o => o.ToString()).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Interpolated_values_are_sent_as_parameters_and_the_results_are_tracked()
    {
        var log = new RequestLog();
        await using var context = Context(log);
        var customer = "c1";

        var orders = await context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {customer}").ToListAsync();

        Assert.Equal(Keys(fixture.Orders.Where(o => o.CustomerId == "c1")), Keys(orders));
        Assert.All(orders, o => Assert.Equal(EntityState.Unchanged, context.Entry(o).State));
        var request = Assert.Single(log.Requests);
        Assert.Equal("ExecuteStatement", request.Operation);
        var details = request.Details();
        Assert.Equal($"SELECT * FROM \"{fixture.TableName("Orders")}\" WHERE \"CustomerId\" = ?", details.String("Statement"));
        Assert.Equal("S", Assert.Single(details.GetProperty("Parameters").EnumerateArray()).EnumerateObject().Single().Name);
        Assert.Equal("c1", details.GetProperty("Parameters")[0].GetProperty("S").GetString());
    }

    [Fact]
    public async Task AsNoTracking_returns_untracked_entities()
    {
        await using var context = fixture.CreateContext();

        var orders = await context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"c2"}").AsNoTracking().ToListAsync();

        Assert.Equal(Keys(fixture.Orders.Where(o => o.CustomerId == "c2")), Keys(orders));
        Assert.Empty(context.ChangeTracker.Entries());
    }

    [Fact]
    public async Task FromPartiQLRaw_takes_numbered_placeholders_and_the_full_table_name()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var orders = await context.Orders
            .FromPartiQLRaw($"SELECT * FROM \"{fixture.TableName("Orders")}\" WHERE \"CustomerId\" = {{0}} AND \"OrderNumber\" > {{1}}", "c1", 4)
            .ToListAsync();

        Assert.Equal(Keys(fixture.Orders.Where(o => o.CustomerId == "c1" && o.OrderNumber > 4)), Keys(orders));
        var parameters = log.Requests[0].Details().GetProperty("Parameters");
        Assert.Equal(["c1", "4"], parameters.EnumerateArray().Select(p => p.EnumerateObject().Single().Value.GetString()));
    }

    [Fact]
    public async Task The_compiled_query_is_reused_with_other_values()
    {
        await using var context = fixture.CreateContext();

        foreach (var customer in new[] { "c1", "c2", "c3" })
        {
            var orders = await context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {customer}").AsNoTracking().ToListAsync();

            Assert.Equal(Keys(fixture.Orders.Where(o => o.CustomerId == customer)), Keys(orders));
        }
    }

    [Fact]
    public async Task Take_returns_the_first_items_in_the_statements_order()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var orders = await context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"c1"} ORDER BY \"OrderNumber\" DESC").Take(3).ToListAsync();

        Assert.Equal(
            fixture.Orders.Where(o => o.CustomerId == "c1").OrderByDescending(o => o.OrderNumber).Take(3).Select(o => o.ToString()),
            orders.Select(o => o.ToString()));
        Assert.Equal(["ExecuteStatement"], log.Operations);
    }

    [Fact]
    public async Task Take_without_an_order_asks_DynamoDB_for_no_more_items_than_it_returns()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var orders = await context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"c1"}").Take(3).ToListAsync();

        Assert.Equal(
            fixture.Orders.Where(o => o.CustomerId == "c1").OrderBy(o => o.OrderNumber).Take(3).Select(o => o.ToString()),
            orders.Select(o => o.ToString()));
        Assert.Equal(3, Assert.Single(log.Requests).Details().Int("Limit"));
    }

    [Fact]
    public async Task FirstOrDefaultAsync_returns_the_first_item_or_null()
    {
        await using var context = fixture.CreateContext();

        var first = await context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"c2"} AND \"OrderNumber\" = {3}").FirstOrDefaultAsync();
        var none = await context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"nobody"}").FirstOrDefaultAsync();

        Assert.Equal("c2/3", first?.ToString());
        Assert.Null(none);
    }

    [Fact]
    public async Task ToPageAsync_pages_follow_NextToken_and_cover_the_result_once()
    {
        var log = new RequestLog();
        await using var context = Context(log);
        var query = context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"c1"}").AsNoTracking();

        var pages = new List<List<string>>();
        string? token = null;
        do
        {
            var page = await query.ToPageAsync(3, token);
            pages.Add(page.Values.Select(o => o.ToString()).ToList());
            token = page.ContinuationToken;
        }
        while (token is not null);

        var expected = fixture.Orders.Where(o => o.CustomerId == "c1").OrderBy(o => o.OrderNumber).Select(o => o.ToString()).ToList();
        Assert.Equal(expected, pages.SelectMany(p => p));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(3, p.Count));
        Assert.Contains(log.Requests, r => r.Details().String("NextToken") is not null);
    }

    [Fact]
    public async Task A_continuation_token_of_another_statement_is_an_error()
    {
        await using var context = fixture.CreateContext();
        var page = await context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"c1"}").ToPageAsync(2, null);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"c2"} AND \"OrderNumber\" > {0}").ToPageAsync(2, page.ContinuationToken));

        Assert.StartsWith(DynamoDbStrings.PartiQLInvalidContinuationToken, error.Message);
    }

    [Fact]
    public async Task AsAsyncEnumerable_streams_the_results()
    {
        await using var context = fixture.CreateContext();

        var keys = new List<string>();
        await foreach (var order in context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"c3"}").AsAsyncEnumerable())
        {
            keys.Add(order.ToString());
        }

        Assert.Equal(Keys(fixture.Orders.Where(o => o.CustomerId == "c3")), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Injection_shaped_values_are_matched_verbatim()
    {
        await using var context = fixture.CreateContext();
        const string injection = "x' OR 'a' = 'a";
        context.Products.Add(new Product { Sku = "injection", Name = injection, Price = 1m });
        await context.SaveChangesAsync();

        var matched = await context.Products.FromPartiQL($"SELECT * FROM \"Products\" WHERE \"Name\" = {injection}").AsNoTracking().ToListAsync();
        var none = await context.Products.FromPartiQL($"SELECT * FROM \"Products\" WHERE \"Name\" = {"Pen\" OR \"Name\" <> \"Pen"}").AsNoTracking().ToListAsync();

        Assert.Equal(["injection"], matched.Select(p => p.Sku));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("DELETE FROM \"Orders\" WHERE \"CustomerId\" = 'c1'")]
    [InlineData("SELECT * FROM \"Products\"")]
    [InlineData("SELECT \"Total\" FROM \"Orders\"")]
    [InlineData("UPDATE \"Orders\" SET \"Total\" = 0")]
    public async Task A_statement_that_is_not_a_SELECT_of_the_entity_types_table_is_an_error(string statement)
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Orders.FromPartiQLRaw(statement).ToListAsync());

        Assert.Equal(DynamoDbStrings.PartiQLNotASelectOfTable("Order", fixture.TableName("Orders"), statement), error.Message);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task Count_Any_and_projections_run_over_the_statements_items()
    {
        await using var context = fixture.CreateContext();
        var source = context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"c2"}");

        var count = await source.CountAsync();
        var any = await source.AnyAsync();
        var totals = await source.Select(o => new { o.OrderNumber, o.Total }).ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c2").ToList();
        Assert.Equal(expected.Count, count);
        Assert.True(any);
        Assert.Equal(expected.Select(o => (o.OrderNumber, o.Total)).Order(), totals.Select(t => (t.OrderNumber, t.Total)).Order());
    }

    [Fact]
    public async Task ExecuteDelete_after_FromPartiQL_is_an_error_and_deletes_nothing()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            context.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"c1"}").ExecuteDeleteAsync());

        Assert.Contains(DynamoDbStrings.PartiQLDoesNotCompose("ExecuteUpdate/ExecuteDelete", "Order"), error.ToString());
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task Where_after_FromPartiQL_is_an_error()
    {
        await using var context = fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            context.Orders.FromPartiQL($"SELECT * FROM \"Orders\"").Where(o => o.Total > 1m).ToListAsync());

        Assert.Contains(DynamoDbStrings.PartiQLDoesNotCompose("Where", "Order"), error.ToString());
    }

    [Fact]
    public async Task A_statement_DynamoDB_rejects_is_an_error_naming_it_with_values_only_when_sensitive_data_is_logged()
    {
        await using var hidden = fixture.CreateContext();
        await using var shown = fixture.CreateContext(configure: o => o.EnableSensitiveDataLogging());

        var hiddenError = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            hidden.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"secret-c1"} AND AND").ToListAsync());
        var shownError = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            shown.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"secret-c1"} AND AND").ToListAsync());

        Assert.Contains("rejected the PartiQL statement", hiddenError.Message);
        Assert.Contains("WHERE \"CustomerId\" = ? AND AND", hiddenError.Message);
        Assert.Contains(DynamoDbStrings.PartiQLValuesHidden(1), hiddenError.Message);
        Assert.DoesNotContain("secret-c1", hiddenError.Message);
        Assert.Contains("secret-c1", shownError.Message);
        Assert.IsAssignableFrom<Amazon.DynamoDBv2.AmazonDynamoDBException>(hiddenError.InnerException);
    }
}
