using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.Northwind;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindSetOperationsQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindSetOperationsQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindSetOperationsQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture)
{
    // FirstOrDefault with no ordering returns the first customer the store read: key order in a relational store (so
    // the test expects ALFKI), hash order in a DynamoDB Scan. The query as written is asserted to return one of the
    // customers, each once in the union.
    /// <inheritdoc />
    public override async Task Client_eval_Union_FirstOrDefault(bool async)
    {
        if (!async)
        {
            await SpecAssert.SyncNotSupportedAsync(() => base.Client_eval_Union_FirstOrDefault(async));
            return;
        }

        using var context = Fixture.CreateContext();
        var first = await context.Set<Customer>().Select(c => Identity(c)).Union(context.Set<Customer>()).FirstOrDefaultAsync();

        Assert.NotNull(first);
        Assert.Contains(first.CustomerID, Fixture.GetExpectedData().Set<Customer>().Select(c => c.CustomerID));
    }

    private static Customer Identity(Customer customer) => customer;
}
