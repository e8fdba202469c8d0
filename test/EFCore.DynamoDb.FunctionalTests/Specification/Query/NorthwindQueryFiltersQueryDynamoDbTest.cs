using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.Northwind;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>
/// EF Core's <see cref="NorthwindQueryFiltersQueryTestBase{TFixture}" />, run as written against DynamoDB Local on the
/// Northwind store with the model's global query filters (<see cref="NorthwindQueryFiltersCustomizer" />).
/// </summary>
public partial class NorthwindQueryFiltersQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NorthwindQueryFiltersCustomizer> fixture)
    : NorthwindQueryFiltersQueryTestBase<NorthwindQueryDynamoDbFixture<NorthwindQueryFiltersCustomizer>>(fixture)
{
    // The filter calls the application's method NorthwindContext.ClientMethod: EF's translation error (in either
    // form: the query fails to translate before it would run), as upstream expects, whose message here also holds the
    // provider's reason ("Additional information: …"), which the upstream test's exact message comparison does not
    // allow for.
    /// <inheritdoc />
    public override Task Client_eval(bool async)
        => AssertTranslationFailed(async, context => context.Set<Product>());

    // As above, with the Include of the products' order details.
    /// <inheritdoc />
    public override Task Included_one_to_many_query_with_client_eval(bool async)
        => AssertTranslationFailed(async, context => context.Set<Product>().Include(p => p.OrderDetails));

    private async Task AssertTranslationFailed(bool async, Func<NorthwindContext, IQueryable<Product>> query)
    {
        using var context = Fixture.CreateContext();
        if (async)
        {
            await SpecAssert.TranslationFailedAsync(() => query(context).ToListAsync(), "ClientMethod");
        }
        else
        {
            SpecAssert.TranslationFailed(() => query(context).ToList(), "ClientMethod");
        }
    }
}
