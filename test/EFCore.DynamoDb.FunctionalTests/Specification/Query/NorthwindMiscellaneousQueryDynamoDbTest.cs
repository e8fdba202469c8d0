using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.Northwind;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindMiscellaneousQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindMiscellaneousQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindMiscellaneousQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture)
{
    // The query has no ordering and each projected Order has OrderID 0, so the base test's default sorter (by
    // OrderID) leaves the rows in the order the store returned them: key order in a relational store, hash order
    // in a DynamoDB Scan. The same rows are asserted, sorted by the projected value.
    /// <inheritdoc />
    public override Task Convert_to_nullable_on_nullable_value_is_ignored(bool async)
        => !async
            ? SpecAssert.SyncNotSupportedAsync(() => base.Convert_to_nullable_on_nullable_value_is_ignored(async))
            : AssertQuery(
                async,
                ss => ss.Set<Order>().Select(o => new Order { OrderDate = o.OrderDate!.Value }),
                elementSorter: e => e.OrderDate!.Value);

    // As above: no ordering asked, OrderID 0 in every row; DynamoDB Scans return items in hash order.
    /// <inheritdoc />
    public override Task Select_expression_date_add_milliseconds_below_the_range(bool async)
        => !async
            ? SpecAssert.SyncNotSupportedAsync(() => base.Select_expression_date_add_milliseconds_below_the_range(async))
            : AssertQuery(
                async,
                ss => ss.Set<Order>().Where(o => o.OrderDate != null)
                    .Select(o => new Order { OrderDate = o.OrderDate!.Value.AddMilliseconds(-1000000000000) }),
                elementSorter: e => e.OrderDate!.Value);

    // Take(2) with no ordering takes the first two order lines the store read: key order in a relational store, hash
    // order in a DynamoDB Scan. The query as written is asserted to return two distinct lines of Seattle's orders.
    /// <inheritdoc />
    public override async Task Select_Where_Subquery_Deep_First(bool async)
    {
        if (!async)
        {
            await SpecAssert.SyncNotSupportedAsync(() => base.Select_Where_Subquery_Deep_First(async));
            return;
        }

        using var context = CreateContext();
        var lines = await (from od in context.Set<OrderDetail>()
                           where (from o in context.Set<Order>()
                                  where od.OrderID == o.OrderID
                                  select (from c in context.Set<Customer>() where o.CustomerID == c.CustomerID select c).FirstOrDefault())
                               .FirstOrDefault()!.City == "Seattle"
                           select od).Take(2).ToListAsync();

        var expected = Fixture.GetExpectedData();
        var seattleOrders = expected.Set<Order>().AsEnumerable()
            .Where(o => expected.Set<Customer>().Any(c => c.CustomerID == o.CustomerID && c.City == "Seattle"))
            .Select(o => o.OrderID)
            .ToHashSet();
        Assert.Equal(2, lines.Select(l => (l.OrderID, l.ProductID)).Distinct().Count());
        Assert.All(lines, l => Assert.Contains(l.OrderID, seattleOrders));
    }
}
