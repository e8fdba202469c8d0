using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore.Query;
using Xunit.Sdk;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindKeylessEntitiesQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindKeylessEntitiesQueryDynamoDbTest(NorthwindKeylessEntitiesQueryDynamoDbFixture fixture)
    : NorthwindKeylessEntitiesQueryTestBase<NorthwindKeylessEntitiesQueryDynamoDbFixture>(fixture)
{
    /// <summary>
    /// The relational fixture maps this keyless type to a database view that keeps the products not discontinued and
    /// joins in their category's name. DynamoDB has no views: the keyless type here reads the Products table's items as
    /// they are, so it returns every product (77, not the view's 69). EF's Cosmos tests record the same difference.
    /// </summary>
    public override async Task KeylessEntity_by_database_view(bool async)
    {
        if (!async)
        {
            await SpecAssert.SyncNotSupportedAsync(() => base.KeylessEntity_by_database_view(async));
            return;
        }

        var failure = await Assert.ThrowsAsync<EqualException>(() => base.KeylessEntity_by_database_view(async));
        Assert.Contains("Expected: 69", failure.Message);
        Assert.Contains("Actual:   77", failure.Message);
    }

    /// <summary>
    /// The relational fixture defines this keyless type by a query that counts each customer's orders. DynamoDB has no
    /// defining queries: the type reads the stored items, which hold no order count, so the count reads as 0 and the
    /// test's filter on it matches nothing. EF's Cosmos tests record the same difference.
    /// </summary>
    public override async Task KeylessEntity_with_nav_defining_query(bool async)
    {
        if (!async)
        {
            await SpecAssert.SyncNotSupportedAsync(() => base.KeylessEntity_with_nav_defining_query(async));
            return;
        }

        var failure = await Assert.ThrowsAsync<EqualException>(() => base.KeylessEntity_with_nav_defining_query(async));
        Assert.Contains("Actual:   0", failure.Message);
    }
}
