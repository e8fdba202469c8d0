using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification;

/// <summary>EF Core's <see cref="ConcurrencyDetectorEnabledTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class ConcurrencyDetectorEnabledDynamoDbTest(ConcurrencyDetectorEnabledDynamoDbTest.ConcurrencyDetectorDynamoDbFixture fixture)
    : ConcurrencyDetectorEnabledTestBase<ConcurrencyDetectorEnabledDynamoDbTest.ConcurrencyDetectorDynamoDbFixture>(fixture)
{
    /// <summary>The model, unchanged.</summary>
    public class ConcurrencyDetectorDynamoDbFixture : ConcurrencyDetectorFixtureBase
    {
        /// <inheritdoc />
        protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

        /// <inheritdoc />
        public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
            => base.AddOptions(builder).LogDynamoDbCostWarnings();
    }
}
