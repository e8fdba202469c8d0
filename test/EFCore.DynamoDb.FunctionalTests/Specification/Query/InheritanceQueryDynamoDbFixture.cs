using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.InheritanceModel;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>
/// EF Core's inheritance model (TPH). Its keyless query types (<see cref="AnimalQuery" /> and the types derived from
/// it), which every provider maps onto the data of its own kind of database, are views over the animals' table here,
/// as Cosmos maps them onto the animals' container.
/// </summary>
public class InheritanceQueryDynamoDbFixture : InheritanceQueryFixtureBase
{
    /// <inheritdoc />
    protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

    /// <summary>The seed's keys are written as given: DynamoDB generates no keys (as in EF's Cosmos fixture).</summary>
    public override bool UseGeneratedKeys => false;

    /// <inheritdoc />
    public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
        => base.AddOptions(builder).LogDynamoDbCostWarnings();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder, DbContext context)
    {
        base.OnModelCreating(modelBuilder, context);

        modelBuilder.Entity<AnimalQuery>().ToTable(modelBuilder.Entity<Animal>().Metadata.GetTableName() ?? nameof(Animal));
    }
}
