using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// <c>Equals</c> through <see cref="object" /> between two CLR types (an <c>int</c> and a <c>long</c>) is false, as in
/// C# and in EF's other providers, instead of comparing the numbers: such a filter matches nothing, and sends nothing.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class EqualsAcrossTypesTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    [Fact]
    public async Task Static_Equals_of_an_int_and_a_long_matches_nothing_and_sends_nothing()
    {
        long number = 1;
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Orders.Where(o => Equals(o.OrderNumber, number)).ToListAsync();

        Assert.Empty(actual);
        Assert.DoesNotContain(fixture.Orders, o => Equals(o.OrderNumber, number));
        Assert.Empty(log.Operations);
    }

    [Fact]
    public async Task Object_Equals_on_mismatched_types_matches_nothing()
    {
        ulong number = 2;
        await using var context = fixture.CreateContext();

        Assert.Empty(await context.Orders.Where(o => o.OrderNumber.Equals(number)).ToListAsync());
        Assert.Empty(await context.Orders.Where(o => o.Quantity.Equals(number)).ToListAsync());
        Assert.Empty(await context.Orders.Where(o => number.Equals(o.Quantity)).ToListAsync());
        Assert.DoesNotContain(fixture.Orders, o => o.Quantity.Equals(number) || number.Equals(o.Quantity));
    }

    [Fact]
    public async Task A_mismatched_Equals_inside_OR_leaves_the_other_side()
    {
        long number = 3;
        await using var context = fixture.CreateContext();

        var actual = await context.Orders.Where(o => o.OrderNumber == 2 || o.OrderNumber.Equals(number)).ToListAsync();

        var expected = fixture.Orders.Where(o => o.OrderNumber == 2 || o.OrderNumber.Equals(number));
        Assert.Equal(expected.Select(o => o.ToString()).Order(), actual.Select(o => o.ToString()).Order());
    }

    [Fact]
    public async Task Equals_of_the_same_type_compares_the_values()
    {
        int? number = 3;
        await using var context = fixture.CreateContext();

        var actual = await context.Orders.Where(o => o.Quantity.Equals(number)).ToListAsync();

        var expected = fixture.Orders.Where(o => o.Quantity.Equals(number));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(o => o.ToString()).Order(), actual.Select(o => o.ToString()).Order());
    }
}
