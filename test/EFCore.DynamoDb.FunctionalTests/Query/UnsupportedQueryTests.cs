using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// Query shapes DynamoDB cannot run, and that the provider does not evaluate on the client either (EF's boundary:
/// no application methods in a predicate), fail with EF's standard "could not be translated" error, before any
/// request. (Predicates DynamoDB cannot express run on the client: see ClientEvaluation/; GroupBy, set operations,
/// computed orderings and operators after Skip/Take too: see ClientOperators/; joins and navigations are key
/// lookups, and other subqueries read their entity set once: see Relationships/.)
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class UnsupportedQueryTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    private static readonly Dictionary<string, Func<OrdersContext, Task>> Queries = new()
    {
        ["Last without OrderBy"] = c => c.Orders.Where(o => o.CustomerId == "c1").LastAsync(),
        ["GroupBy on an application method"] = c => c.Orders.GroupBy(o => KeyOf(o)).Select(g => g.Key).ToListAsync(),
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

    private static string KeyOf(Order order) => order.CustomerId;
}
