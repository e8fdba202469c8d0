using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification;

/// <summary>EF Core's <see cref="ConcurrencyDetectorDisabledTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class ConcurrencyDetectorDisabledDynamoDbTest(ConcurrencyDetectorDisabledDynamoDbTest.ConcurrencyDetectorDynamoDbFixture fixture)
    : ConcurrencyDetectorDisabledTestBase<ConcurrencyDetectorDisabledDynamoDbTest.ConcurrencyDetectorDynamoDbFixture>(fixture)
{
    /// <summary>The model, unchanged, with EF's thread-safety checks off.</summary>
    public class ConcurrencyDetectorDynamoDbFixture : ConcurrencyDetectorFixtureBase
    {
        /// <inheritdoc />
        protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

        /// <inheritdoc />
        public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
            => base.AddOptions(builder.EnableThreadSafetyChecks(enableChecks: false)).LogDynamoDbCostWarnings();
    }
}
