using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification;

/// <summary>EF Core's <see cref="SeedingTestBase" /> (HasData written by EnsureCreated), run as written against DynamoDB Local.</summary>
public partial class SeedingDynamoDbTest : SeedingTestBase
{
    private readonly DynamoDbTestStore _testStore = DynamoDbTestStore.Create("Seeding");

    /// <inheritdoc />
    protected override TestStore TestStore => _testStore;

    /// <inheritdoc />
    protected override SeedingContext CreateContextWithEmptyDatabase(string testId)
        => new SeedingDynamoDbContext(testId, _testStore);

    /// <summary>The suite's seeding model on this test's own tables.</summary>
    protected class SeedingDynamoDbContext(string testId, DynamoDbTestStore testStore) : SeedingContext(testId)
    {
        /// <inheritdoc />
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(d => d.ServiceUrl(DynamoDbTestStore.ServiceUrl).TableNamePrefix(testStore.TableNamePrefix + TestId + "-"));
    }
}
