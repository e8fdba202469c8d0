using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.Northwind;
using Microsoft.EntityFrameworkCore.TestUtilities;
using Xunit.Sdk;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindSelectQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindSelectQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindSelectQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture)
{
    /// <summary>
    /// The test builds its query with a synchronous <c>ToList()</c> of the orders, whichever <c>async</c> is. This
    /// provider refuses synchronous queries (SyncNotSupported), so the test stops there, before the translation failure
    /// it expects of the query it composes next: its own assertion of that failure quotes the SyncNotSupported error.
    /// </summary>
    public override async Task VisitLambda_should_not_be_visited_trivially(bool async)
    {
        using (var context = CreateContext())
        {
            SpecAssert.SyncNotSupported(() => context.Set<Order>().Where(o => o.CustomerID.StartsWith("A")).ToList());
        }

        var failure = await Assert.ThrowsAsync<ContainsException>(() => base.VisitLambda_should_not_be_visited_trivially(async));
        Assert.Contains("An error was generated for warning", failure.Message);
    }

    // The query orders by City only; customers of the same city (CACTU, OCEAN and RANCH in Buenos Aires…) come in
    // the order the store read them: key order in a relational store, hash order in a DynamoDB Scan. The cities are
    // asserted in order and the rows as a set.
    /// <inheritdoc />
    public override async Task Member_binding_after_ctor_arguments_fails_with_client_eval(bool async)
    {
        if (!async)
        {
            await SpecAssert.SyncNotSupportedAsync(() => base.Member_binding_after_ctor_arguments_fails_with_client_eval(async));
            return;
        }

        using var context = CreateContext();
        var actual = await context.Set<Customer>().Select(c => new CustomerListItem(c.CustomerID, c.City!)).OrderBy(c => c.City).ToListAsync();
        var expected = Fixture.GetExpectedData().Set<Customer>().Select(c => new CustomerListItem(c.CustomerID, c.City!)).OrderBy(c => c.City).ToList();

        Assert.Equal(expected.Select(c => c.City), actual.Select(c => c.City));
        Assert.Equal(expected.OrderBy(c => c.Id), actual.OrderBy(c => c.Id));
    }

    // FirstOrDefault with no ordering returns the first order the store read: key order in a relational store (so the
    // test expects 10264), hash order in a DynamoDB Scan. The query as written is asserted to return one of the orders
    // it filters for, with that order's date and details.
    /// <inheritdoc />
    public override async Task Take_on_top_level_and_on_collection_projection_with_outer_apply(bool async)
    {
        if (!async)
        {
            await SpecAssert.SyncNotSupportedAsync(() => base.Take_on_top_level_and_on_collection_projection_with_outer_apply(async));
            return;
        }

        using var context = CreateContext();
        var order = await context.Set<Order>()
            .Where(o => o.CustomerID!.StartsWith("F"))
            .Select(o => new Order
            {
                OrderID = o.OrderID,
                OrderDate = o.OrderDate,
                OrderDetails = o.OrderDetails.Select(e => new OrderDetail { OrderID = e.OrderID, Product = e.Product, UnitPrice = e.UnitPrice })
                    .OrderByDescending(e => e.OrderID)
                    .Skip(0)
                    .Take(10)
                    .ToList(),
            })
            .FirstOrDefaultAsync();

        Assert.NotNull(order);
        var expected = Fixture.GetExpectedData().Set<Order>().Single(o => o.OrderID == order.OrderID);
        Assert.StartsWith("F", expected.CustomerID);
        Assert.Equal(expected.OrderDate, order.OrderDate);
        Assert.Equal(
            Fixture.GetExpectedData().Set<OrderDetail>().Where(d => d.OrderID == order.OrderID).AsEnumerable().Select(d => (d.ProductID, d.UnitPrice)).Order(),
            order.OrderDetails.Select(d => (d.Product.ProductID, d.UnitPrice)).Order());
    }
}
