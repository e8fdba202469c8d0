using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification;

/// <summary>EF Core's <see cref="FindTestBase{TFixture}" />, run as written against DynamoDB Local, once per way of finding.</summary>
public abstract partial class FindDynamoDbTest(FindDynamoDbTest.FindDynamoDbFixture fixture)
    : FindTestBase<FindDynamoDbTest.FindDynamoDbFixture>(fixture)
{
    /// <summary><c>DbSet&lt;T&gt;.Find</c>.</summary>
    public partial class FindDynamoDbTestSet(FindDynamoDbFixture fixture) : FindDynamoDbTest(fixture)
    {
        /// <inheritdoc />
        protected override TestFinder Finder { get; } = new FindViaSetFinder();
    }

    /// <summary><c>DbContext.Find&lt;T&gt;</c>.</summary>
    public partial class FindDynamoDbTestContext(FindDynamoDbFixture fixture) : FindDynamoDbTest(fixture)
    {
        /// <inheritdoc />
        protected override TestFinder Finder { get; } = new FindViaContextFinder();
    }

    /// <summary><c>DbContext.Find(Type, …)</c>.</summary>
    public partial class FindDynamoDbTestNonGeneric(FindDynamoDbFixture fixture) : FindDynamoDbTest(fixture)
    {
        /// <inheritdoc />
        protected override TestFinder Finder { get; } = new FindViaNonGenericContextFinder();
    }

    /// <summary>The model, unchanged.</summary>
    public class FindDynamoDbFixture : FindFixtureBase
    {
        /// <inheritdoc />
        protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

        /// <inheritdoc />
        public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
            => base.AddOptions(builder).LogDynamoDbCostWarnings();
    }
}
