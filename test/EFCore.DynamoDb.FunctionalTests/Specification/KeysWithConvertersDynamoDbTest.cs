using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification;

/// <summary>EF Core's <see cref="KeysWithConvertersTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class KeysWithConvertersDynamoDbTest(KeysWithConvertersDynamoDbTest.KeysWithConvertersDynamoDbFixture fixture)
    : KeysWithConvertersTestBase<KeysWithConvertersDynamoDbTest.KeysWithConvertersDynamoDbFixture>(fixture)
{
    /// <summary>The model, unchanged.</summary>
    public class KeysWithConvertersDynamoDbFixture : KeysWithConvertersFixtureBase
    {
        /// <inheritdoc />
        protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

        /// <inheritdoc />
        public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
            => base.AddOptions(builder).LogDynamoDbCostWarnings();
    }
}
