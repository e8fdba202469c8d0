using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification;

/// <summary>EF Core's <see cref="CustomConvertersTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class CustomConvertersDynamoDbTest(CustomConvertersDynamoDbTest.CustomConvertersDynamoDbFixture fixture)
    : CustomConvertersTestBase<CustomConvertersDynamoDbTest.CustomConvertersDynamoDbFixture>(fixture)
{
    /// <summary>
    /// The base test expects a case-insensitive database: SQL Server passes it because its string mapping compares keys
    /// ignoring case (its default collation does), while EF's InMemory and Sqlite tests disable it as their databases
    /// are case-sensitive, and Cosmos skips it. DynamoDB compares key strings byte by byte, so this provider compares
    /// string keys ordinally: "gumball!!" names no principal, fix-up joins nothing, both items are written (DynamoDB has
    /// no foreign key constraints), and a lookup by the other casing finds nothing. (The base test's
    /// <c>Include</c> of the dependents is not asserted here: DynamoDB has no joins.)
    /// </summary>
    public override async Task Can_insert_and_read_back_with_case_insensitive_string_key()
    {
        using (var context = CreateContext())
        {
            var principal = context.Set<StringKeyDataType>().Add(new StringKeyDataType { Id = "Gumball!!" }).Entity;
            var dependent = context.Set<StringForeignKeyDataType>().Add(
                new StringForeignKeyDataType { Id = 7767, StringKeyDataTypeId = "gumball!!" }).Entity;

            Assert.Null(dependent.Principal);
            Assert.Null(principal.Dependents);

            Assert.Equal(2, await context.SaveChangesAsync());
        }

        using (var context = CreateContext())
        {
            var principal = await context.Set<StringKeyDataType>().Where(e => e.Id == "Gumball!!").SingleAsync();
            var dependent = await context.Set<StringForeignKeyDataType>().Where(e => e.Id == 7767).SingleAsync();

            Assert.Equal("Gumball!!", principal.Id);
            Assert.Equal("gumball!!", dependent.StringKeyDataTypeId);
            Assert.Null(dependent.Principal);
            Assert.Empty(await context.Set<StringKeyDataType>().Where(e => e.Id == "gumball!!").ToListAsync());
        }
    }

    /// <summary>The model with its custom converters, unchanged.</summary>
    public class CustomConvertersDynamoDbFixture : CustomConvertersFixtureBase
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
