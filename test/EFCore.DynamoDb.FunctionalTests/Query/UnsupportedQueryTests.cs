using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// Query shapes DynamoDB cannot run, and that the provider does not evaluate on the client either (EF's boundary:
/// no application methods in a predicate), fail with EF's standard "could not be translated" error, before any
/// request.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class UnsupportedQueryTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    private static readonly Dictionary<string, Func<OrdersContext, Task>> Queries = new()
    {
        ["OrderBy a computed value"] = c => c.Orders.OrderBy(o => o.Total * 2).ToListAsync(),
        ["OrderBy a string length"] = c => c.Orders.Where(o => o.CustomerId == "c1").OrderBy(o => o.Name!.Length).ToListAsync(),
        ["Where after Take"] = c => c.Orders.Take(3).Where(o => o.Shipped).ToListAsync(),
        ["Last without OrderBy"] = c => c.Orders.Where(o => o.CustomerId == "c1").LastAsync(),
        ["Join"] = c => c.Orders.Join(c.Products, o => o.Name, p => p.Name, (o, p) => o).ToListAsync(),
        ["GroupBy"] = c => c.Orders.GroupBy(o => o.CustomerId).Select(g => g.Key).ToListAsync(),
        ["Union"] = c => c.Orders.Where(o => o.CustomerId == "c1").Union(c.Orders.Where(o => o.CustomerId == "c2")).ToListAsync(),
        ["Concat"] = c => c.Orders.Where(o => o.CustomerId == "c1").Concat(c.Orders.Where(o => o.CustomerId == "c2")).ToListAsync(),
        ["SelectMany over another DbSet"] = c => c.Orders.SelectMany(o => c.Products).ToListAsync(),
        ["Subquery over another DbSet"] = c => c.Orders.Where(o => c.Products.Any(p => p.Name == o.Name)).ToListAsync(),
        ["A method of the application's in a predicate"] = c => c.Orders.Where(o => Shout(o.Name) == "X").ToListAsync(),
        ["Count with a method of the application's"] = c => c.Orders.CountAsync(o => Shout(o.Name) == "X"),
    };

    public static TheoryData<string> QueryNames => new(Queries.Keys);

    private static string? Shout(string? text) => text?.ToUpperInvariant();

    [Theory]
    [MemberData(nameof(QueryNames))]
    public async Task Untranslatable_query_throws_could_not_be_translated_and_sends_nothing(string name)
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Queries[name](context));

        Assert.Contains("could not be translated", exception.Message, StringComparison.Ordinal);
        Assert.Empty(log.Operations);
    }
}
