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
    // Contains of an entity found by a subquery over a composite-key entity: relational EF refuses it with its own
    // message (EntityEqualityOnCompositeKeyEntitySubqueryNotSupported); the provider refuses it too, with EF's standard
    // translation error, which the upstream test's exact message comparison does not allow for.
    /// <inheritdoc />
    public override Task Where_subquery_on_navigation(bool async)
        => AssertTranslationFailed(
            async,
            context => context.Set<Product>().Where(p => p.OrderDetails.Contains(
                context.Set<OrderDetail>().OrderByDescending(o => o.OrderID).ThenBy(o => o.ProductID).FirstOrDefault(d => d.Quantity == 1)!)));

    // As above, with FirstOrDefault without a predicate.
    /// <inheritdoc />
    public override Task Where_subquery_on_navigation2(bool async)
        => AssertTranslationFailed(
            async,
            context => context.Set<Product>().Where(p => p.OrderDetails.Contains(
                context.Set<OrderDetail>().OrderByDescending(o => o.OrderID).ThenBy(o => o.ProductID).FirstOrDefault()!)));

    // The query fails to translate before it would run, in either form.
    private async Task AssertTranslationFailed(bool async, Func<NorthwindContext, IQueryable<Product>> query)
    {
        using var context = Fixture.CreateContext();
        if (async)
        {
            await SpecAssert.TranslationFailedAsync(() => query(context).ToListAsync(), "");
        }
        else
        {
            SpecAssert.TranslationFailed(() => query(context).ToList(), "");
        }
    }
}
