using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="PrimitiveCollectionsQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class PrimitiveCollectionsQueryDynamoDbTest(PrimitiveCollectionsQueryDynamoDbTest.PrimitiveCollectionsQueryDynamoDbFixture fixture)
    : PrimitiveCollectionsQueryTestBase<PrimitiveCollectionsQueryDynamoDbTest.PrimitiveCollectionsQueryDynamoDbFixture>(fixture)
{
    // The query has no ordering yet asks for the rows in order: the order the store read them, key order in a
    // relational store, hash order in a DynamoDB Scan. The same rows are asserted, each array still in order.
    /// <inheritdoc />
    public override Task Project_inline_collection()
        => AssertQuery(
            ss => ss.Set<PrimitiveCollectionsEntity>().Select(x => new[] { x.String, "foo" }),
            elementSorter: e => e[0],
            elementAsserter: (e, a) => AssertCollection(e, a, ordered: true));

    /// <summary>The model, unchanged: primitive collections are DynamoDB lists and sets inside the item.</summary>
    public class PrimitiveCollectionsQueryDynamoDbFixture : PrimitiveCollectionsQueryFixtureBase
    {
        /// <inheritdoc />
        protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

        /// <inheritdoc />
        public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
            => base.AddOptions(builder).LogDynamoDbCostWarnings();
    }
}
