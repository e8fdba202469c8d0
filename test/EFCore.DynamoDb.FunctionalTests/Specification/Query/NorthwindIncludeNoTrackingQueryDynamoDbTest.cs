using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.Northwind;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindIncludeNoTrackingQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindIncludeNoTrackingQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindIncludeNoTrackingQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture)
{
    // Skip/Take/Last with no ordering take the customers in the order the store read them: key order in a relational
    // store, hash order in a DynamoDB Scan. The same Include is asserted over the customers in key order.
    /// <inheritdoc />
    public override Task Include_collection_take_no_order_by(bool async)
        => !async
            ? SpecAssert.SyncNotSupportedAsync(() => base.Include_collection_take_no_order_by(async))
            : AssertIncludedOrders(async, ss => ss.Set<Customer>().OrderBy(c => c.CustomerID).Take(10));

    // As above.
    /// <inheritdoc />
    public override Task Include_collection_skip_no_order_by(bool async)
        => !async
            ? SpecAssert.SyncNotSupportedAsync(() => base.Include_collection_skip_no_order_by(async))
            : AssertIncludedOrders(async, ss => ss.Set<Customer>().OrderBy(c => c.CustomerID).Skip(10));

    // As above.
    /// <inheritdoc />
    public override Task Include_collection_skip_take_no_order_by(bool async)
        => !async
            ? SpecAssert.SyncNotSupportedAsync(() => base.Include_collection_skip_take_no_order_by(async))
            : AssertIncludedOrders(async, ss => ss.Set<Customer>().OrderBy(c => c.CustomerID).Skip(10).Take(5));

    // As above: the last customer in key order.
    /// <inheritdoc />
    public override Task Include_collection_with_last_no_orderby(bool async)
        => !async
            ? SpecAssert.SyncNotSupportedAsync(() => base.Include_collection_with_last_no_orderby(async))
            : AssertLast(async, ss => ss.Set<Customer>().OrderBy(c => c.CustomerID).Include(c => c.Orders));

    // The query orders by the customer's id only: the orders of one customer tie, and Take(2) keeps the two the store
    // read first. The same ordering with the ties broken by OrderID is asserted.
    /// <inheritdoc />
    public override Task Repro9735(bool async)
        => !async
            ? SpecAssert.SyncNotSupportedAsync(() => base.Repro9735(async))
            : AssertQuery(
                async,
                ss => ss.Set<Order>().Include(b => b.OrderDetails)
                    .OrderBy(b => b.Customer!.CustomerID != null)
                    .ThenBy(b => b.Customer != null ? b.Customer.CustomerID : string.Empty)
                    .ThenBy(b => b.OrderID)
                    .Take(2));

    private Task AssertIncludedOrders(bool async, Func<ISetSource, IQueryable<Customer>> customers)
        => AssertQuery(
            async,
            ss => customers(ss).Include(c => c.Orders),
            elementAsserter: (e, a) => AssertInclude(e, a, new ExpectedInclude<Customer>(c => c.Orders)));
}
