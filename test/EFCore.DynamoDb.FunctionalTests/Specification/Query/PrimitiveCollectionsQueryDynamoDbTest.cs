using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="PrimitiveCollectionsQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class PrimitiveCollectionsQueryDynamoDbTest(PrimitiveCollectionsQueryDynamoDbTest.PrimitiveCollectionsQueryDynamoDbFixture fixture)
    : PrimitiveCollectionsQueryTestBase<PrimitiveCollectionsQueryDynamoDbTest.PrimitiveCollectionsQueryDynamoDbFixture>(fixture)
{
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
