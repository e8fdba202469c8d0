using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.Northwind;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindSelectQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindSelectQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindSelectQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture)
{
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
}
