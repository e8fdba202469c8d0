using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.FunctionalTests.SingleTable;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.PartiQL;

/// <summary>
/// <c>FromPartiQL</c> on a table shared by several entity types: a statement that reads a whole partition returns
/// only the items of the queried type (and the types derived from it), as their CLR types, and paging counts only them.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class FromPartiQLSingleTableTests(SingleTableFixture fixture) : IClassFixture<SingleTableFixture>
{
    [Fact]
    public async Task A_partition_of_several_types_returns_only_the_queried_types_items()
    {
        await using var context = fixture.CreateContext();

        var orders = await context.Orders.FromPartiQL($"SELECT * FROM \"App\" WHERE \"PK\" = {"ACME"}").AsNoTracking().ToListAsync();
        var payments = await context.Payments.FromPartiQL($"SELECT * FROM \"App\" WHERE \"PK\" = {"ACME"}").AsNoTracking().ToListAsync();

        Assert.Equal(["ORDER#1", "ORDER#2", "ORDER#3"], orders.Select(o => o.SK).Order(StringComparer.Ordinal));
        Assert.Equal(
            [("PAY#1", "Payment"), ("PAY#2", "CardPayment"), ("PAY#3", "BankPayment")],
            payments.Select(p => (p.SK, p.GetType().Name)).OrderBy(p => p.SK, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pages_count_only_the_queried_types_items()
    {
        await using var context = fixture.CreateContext();
        var query = context.Orders.FromPartiQL($"SELECT * FROM \"App\" WHERE \"PK\" = {"ACME"}").AsNoTracking();

        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await query.ToPageAsync(2, token);
            Assert.True(page.Values.Count == 2 || page.ContinuationToken is null);
            keys.AddRange(page.Values.Select(o => o.SK));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(["ORDER#1", "ORDER#2", "ORDER#3"], keys);
    }
}
