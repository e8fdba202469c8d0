using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.InheritanceModel;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>
/// EF Core's inheritance model (TPH). Its keyless <c>AnimalQuery</c> hierarchy, a view over the animals in EF's relational
/// fixtures (<c>ToSqlQuery("SELECT * FROM Animals")</c>) and in Cosmos' (<c>ToContainer("Animals")</c>), is here what a
/// keyless entity type is in DynamoDB: a read-only view of the animals' table, its types told apart by the same
/// discriminator values the animals' items hold.
/// </summary>
public class InheritanceQueryDynamoDbFixture : InheritanceQueryFixtureBase
{
    /// <inheritdoc />
    protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

    /// <inheritdoc />
    public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
        => base.AddOptions(builder).LogDynamoDbCostWarnings();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder, DbContext context)
    {
        base.OnModelCreating(modelBuilder, context);

        var animals = DynamoDbEntityTypeExtensions.GetTableName(modelBuilder.Entity<Animal>().Metadata) ?? nameof(Animal); // named in full: relational has one too
        modelBuilder.Entity<AnimalQuery>().ToTable(animals);
        modelBuilder.Entity<KiwiQuery>().HasDiscriminator().HasValue(nameof(Kiwi));
    }
}
