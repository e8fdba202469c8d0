using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// Query shapes DynamoDB cannot run, and the provider does not evaluate on the client, fail with EF's standard
/// "could not be translated" error, before any request. (GroupBy, set operations, computed orderings and operators
/// after Skip/Take run on the client: see ClientOperators/.)
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class UnsupportedQueryTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    private static readonly Dictionary<string, Func<OrdersContext, Task>> Queries = new()
    {
        ["Filter on a computed projection"] = c => c.Orders.Select(o => new { Double = o.Total * 2 }).Where(x => x.Double > 3).ToListAsync(),
        ["Count with an untranslatable predicate"] = c => c.Orders.CountAsync(o => o.Total.ToString() == "5"),
        ["Last without OrderBy"] = c => c.Orders.Where(o => o.CustomerId == "c1").LastAsync(),
        ["Join"] = c => c.Orders.Join(c.Products, o => o.Name, p => p.Name, (o, p) => o).ToListAsync(),
        ["SelectMany over another DbSet"] = c => c.Orders.SelectMany(o => c.Products).ToListAsync(),
        ["GroupBy on an application method"] = c => c.Orders.GroupBy(o => KeyOf(o)).Select(g => g.Key).ToListAsync(),
        ["Subquery over another DbSet"] = c => c.Orders.Where(o => c.Products.Any(p => p.Name == o.Name)).ToListAsync(),
        ["Method call on a property"] = c => c.Orders.Where(o => o.Total.ToString() == "5").ToListAsync(),
    };

    public static TheoryData<string> QueryNames => new(Queries.Keys);

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

    private static string KeyOf(Order order) => order.CustomerId;
}
