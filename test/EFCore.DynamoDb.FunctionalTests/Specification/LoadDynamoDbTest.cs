using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification;

/// <summary>
/// EF Core's <see cref="LoadTestBase{TFixture}" />, run as written against DynamoDB Local: explicit, lazy (through
/// EF's <c>ILazyLoader</c>) and <c>Query()</c> loading of references and collections, tracked and not. Its model's
/// integer keys are generated from key counters.
/// </summary>
public partial class LoadDynamoDbTest(LoadDynamoDbTest.LoadDynamoDbFixture fixture)
    : LoadTestBase<LoadDynamoDbTest.LoadDynamoDbFixture>(fixture)
{
    /// <summary>
    /// The model, with its two keyless view types (which no test reads) mapped as read-only views over the
    /// <c>RootClass</c> items, as a keyless type needs a keyed type's table in DynamoDB.
    /// </summary>
    public class LoadDynamoDbFixture : LoadFixtureBase
    {
        /// <inheritdoc />
        protected override void OnModelCreating(ModelBuilder modelBuilder, DbContext context)
        {
            base.OnModelCreating(modelBuilder, context);
            DynamoDbEntityTypeBuilderExtensions.ToTable(modelBuilder.Entity<OptionalChildView>(), nameof(RootClass));
            DynamoDbEntityTypeBuilderExtensions.ToTable(modelBuilder.Entity<RequiredChildView>(), nameof(RootClass));
        }

        /// <inheritdoc />
        protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

        /// <inheritdoc />
        public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
            => base.AddOptions(builder).LogDynamoDbCostWarnings();
    }
}
