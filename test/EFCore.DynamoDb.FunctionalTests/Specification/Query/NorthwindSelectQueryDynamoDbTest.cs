using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
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
}
