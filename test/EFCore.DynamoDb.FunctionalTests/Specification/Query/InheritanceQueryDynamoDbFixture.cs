using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's inheritance model (TPH), unchanged.</summary>
public class InheritanceQueryDynamoDbFixture : InheritanceQueryFixtureBase
{
    /// <inheritdoc />
    protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

    /// <inheritdoc />
    public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
        => base.AddOptions(builder).LogDynamoDbCostWarnings();
}
