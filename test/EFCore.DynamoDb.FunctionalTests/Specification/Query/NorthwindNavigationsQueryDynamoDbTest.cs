using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.Northwind;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindNavigationsQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindNavigationsQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindNavigationsQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture)
{
    // Contains of an order detail (a composite-key entity) found by a subquery: EF's relational providers refuse it
    // (EntityEqualityOnCompositeKeyEntitySubqueryNotSupported), which the upstream test asserts. This provider reads
    // the subquery's order details once and evaluates the Contains on the client, over the entities of one tracking
    // query, which identity resolution makes one instance per key: so the result is the products whose order details
    // hold that key, as a comparison by key gives (asserted here). The synchronous form stops at SyncNotSupported.
    /// <inheritdoc />
    public override Task Where_subquery_on_navigation(bool async)
        => AssertSyncNotSupportedOr(async, () => AssertQuery(
            async,
            ss => ss.Set<Product>().Where(p => p.OrderDetails.Contains(
                ss.Set<OrderDetail>().OrderByDescending(o => o.OrderID).ThenBy(o => o.ProductID).FirstOrDefault(d => d.Quantity == 1)!)),
            ss => ExpectedByKey(ss, ss.Set<OrderDetail>().OrderByDescending(o => o.OrderID).ThenBy(o => o.ProductID).FirstOrDefault(d => d.Quantity == 1))));

    // As above, with FirstOrDefault without a predicate.
    /// <inheritdoc />
    public override Task Where_subquery_on_navigation2(bool async)
        => AssertSyncNotSupportedOr(async, () => AssertQuery(
            async,
            ss => ss.Set<Product>().Where(p => p.OrderDetails.Contains(
                ss.Set<OrderDetail>().OrderByDescending(o => o.OrderID).ThenBy(o => o.ProductID).FirstOrDefault()!)),
            ss => ExpectedByKey(ss, ss.Set<OrderDetail>().OrderByDescending(o => o.OrderID).ThenBy(o => o.ProductID).FirstOrDefault())));

    private static Task AssertSyncNotSupportedOr(bool async, Func<Task> test)
        => async ? test() : SpecAssert.SyncNotSupportedAsync(test);

    private static IQueryable<Product> ExpectedByKey(ISetSource ss, OrderDetail? detail)
        => ss.Set<Product>().Where(p => detail != null && p.OrderDetails.Any(d => d.OrderID == detail.OrderID && d.ProductID == detail.ProductID));
}
