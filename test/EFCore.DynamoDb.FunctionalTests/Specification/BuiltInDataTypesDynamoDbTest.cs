using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification;

/// <summary>EF Core's <see cref="BuiltInDataTypesTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class BuiltInDataTypesDynamoDbTest(BuiltInDataTypesDynamoDbTest.BuiltInDataTypesDynamoDbFixture fixture)
    : BuiltInDataTypesTestBase<BuiltInDataTypesDynamoDbTest.BuiltInDataTypesDynamoDbFixture>(fixture)
{
    /// <summary>The model, unchanged, and what DynamoDB stores of each type.</summary>
    public class BuiltInDataTypesDynamoDbFixture : BuiltInDataTypesFixtureBase
    {
        /// <inheritdoc />
        protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

        /// <summary>Numbers (38 digits) and strings round-trip exactly.</summary>
        public override bool StrictEquality => true;

        /// <summary>DynamoDB strings are UTF-8: there is no ANSI type.</summary>
        public override bool SupportsAnsi => false;

        /// <inheritdoc />
        public override bool SupportsUnicodeToAnsiConversion => false;

        /// <inheritdoc />
        public override bool SupportsLargeStringComparisons => true;

        /// <summary>Binary (B) key attributes.</summary>
        public override bool SupportsBinaryKeys => true;

        /// <inheritdoc />
        public override bool SupportsDecimalComparisons => true;

        /// <inheritdoc />
        public override DateTime DefaultDateTime => new();

        /// <inheritdoc />
        public override bool PreservesDateTimeKind => true;

        /// <inheritdoc />
        public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
            => base.AddOptions(builder).LogDynamoDbCostWarnings();
    }
}
