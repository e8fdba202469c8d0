using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.Northwind;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindIncludeQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindIncludeQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindIncludeQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture)
{
    // These five rely on store order (see NorthwindIncludeInKeyOrder): the same Includes are asserted in key order.
    /// <inheritdoc />
    public override Task Include_collection_take_no_order_by(bool async)
        => !async ? SpecAssert.SyncNotSupportedAsync(() => base.Include_collection_take_no_order_by(async)) : AssertOrders(NorthwindIncludeInKeyOrder.TakeWithOrders);

    /// <inheritdoc />
    public override Task Include_collection_skip_no_order_by(bool async)
        => !async ? SpecAssert.SyncNotSupportedAsync(() => base.Include_collection_skip_no_order_by(async)) : AssertOrders(NorthwindIncludeInKeyOrder.SkipWithOrders);

    /// <inheritdoc />
    public override Task Include_collection_skip_take_no_order_by(bool async)
        => !async ? SpecAssert.SyncNotSupportedAsync(() => base.Include_collection_skip_take_no_order_by(async)) : AssertOrders(NorthwindIncludeInKeyOrder.SkipTakeWithOrders);

    /// <inheritdoc />
    public override Task Include_collection_with_last_no_orderby(bool async)
        => !async ? SpecAssert.SyncNotSupportedAsync(() => base.Include_collection_with_last_no_orderby(async)) : AssertLast(async, NorthwindIncludeInKeyOrder.WithOrders);

    /// <inheritdoc />
    public override Task Repro9735(bool async)
        => !async ? SpecAssert.SyncNotSupportedAsync(() => base.Repro9735(async)) : AssertQuery(async, NorthwindIncludeInKeyOrder.Repro9735);

    private Task AssertOrders(Func<ISetSource, IQueryable<Customer>> query)
        => AssertQuery(true, query, elementAsserter: (e, a) => AssertInclude(e, a, new ExpectedInclude<Customer>(c => c.Orders)));
}
