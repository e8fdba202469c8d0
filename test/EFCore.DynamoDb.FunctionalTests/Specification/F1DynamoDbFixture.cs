using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification;

/// <summary>
/// EF Core's F1 model, unchanged, with <see langword="long" /> row versions: the provider manages an integer row
/// version (1 on add, + 1 on every update, conditioned on the original), as DynamoDBContext's version attribute.
/// </summary>
public class F1DynamoDbFixture : F1FixtureBase<long>
{
    /// <inheritdoc />
    protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

    /// <inheritdoc />
    public override TestHelpers TestHelpers => DynamoDbTestHelpers.Instance;

    /// <inheritdoc />
    public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
        => base.AddOptions(builder).LogDynamoDbCostWarnings();
}
