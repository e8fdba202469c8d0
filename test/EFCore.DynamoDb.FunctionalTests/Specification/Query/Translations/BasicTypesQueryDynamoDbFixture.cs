using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.Translations;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations;

/// <summary>
/// EF Core's BasicTypes model and data, unchanged, in one store that every translation test class shares (seeded
/// once per test run).
/// </summary>
public class BasicTypesQueryDynamoDbFixture : BasicTypesQueryFixtureBase
{
    /// <inheritdoc />
    protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

    /// <inheritdoc />
    public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
        => base.AddOptions(builder).LogDynamoDbCostWarnings();
}
