using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.Northwind;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>
/// EF Core's Northwind model and data in one store that every Northwind test class shares (seeded once per test
/// run). The keyless query types (<see cref="CustomerQuery" />…), which every provider maps onto the data of its
/// own kind of database, are views over the tables of their entities here (<see cref="MapKeylessEntityTypes" />).
/// </summary>
public class NorthwindQueryDynamoDbFixture<TModelCustomizer> : NorthwindQueryFixtureBase<TModelCustomizer>
    where TModelCustomizer : ITestModelCustomizer, new()
{
    /// <inheritdoc />
    protected override ITestStoreFactory TestStoreFactory => DynamoDbTestStoreFactory.Instance;

    /// <summary>
    /// Whether the keyless query types are mapped (<c>ToTable</c> onto their entities' tables) or left out of the
    /// model. The provider does not yet accept keyless entity types (issue 10, API.md §8), which would reject the
    /// whole model, so only <see cref="NorthwindKeylessEntitiesQueryDynamoDbFixture" />, on a store of its own,
    /// maps them; once they are supported this fixture maps them too and that one goes.
    /// </summary>
    protected virtual bool MapKeylessEntityTypes => false;

    /// <summary>
    /// No context pooling, as in EF's Cosmos tests: Throws_on_concurrent_query_* leave a query blocked inside its
    /// context when their sync variant fails, and a pooled context would carry that into the next test.
    /// </summary>
    protected override bool UsePooling => false;

    /// <summary>Query events are recorded, as EF's providers record them (the cancellation tests look for QueryCanceled).</summary>
    protected override bool ShouldLogCategory(string logCategory) => logCategory == DbLoggerCategory.Query.Name;

    /// <inheritdoc />
    public override DbContextOptionsBuilder AddOptions(DbContextOptionsBuilder builder)
        => base.AddOptions(builder).LogDynamoDbCostWarnings();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder, DbContext context)
    {
        base.OnModelCreating(modelBuilder, context);

        if (!MapKeylessEntityTypes)
        {
            // Removed rather than ignored: ignoring a type the model configured is a warning, and so an error here.
            foreach (var keyless in new[] { typeof(CustomerQuery), typeof(CustomerQueryWithQueryFilter), typeof(OrderQuery), typeof(ProductQuery), typeof(ProductView) })
            {
                modelBuilder.Model.RemoveEntityType(keyless);
            }

            return;
        }

        var customers = TableOf<Customer>(modelBuilder);
        var orders = TableOf<Order>(modelBuilder);
        var products = TableOf<Product>(modelBuilder);
        modelBuilder.Entity<CustomerQuery>().ToTable(customers);
        modelBuilder.Entity<CustomerQueryWithQueryFilter>().ToTable(customers);
        modelBuilder.Entity<OrderQuery>().ToTable(orders);
        modelBuilder.Entity<ProductQuery>().ToTable(products);
        modelBuilder.Entity<ProductView>().ToTable(products);
    }

    private static string TableOf<TEntity>(ModelBuilder modelBuilder)
        where TEntity : class
        => DynamoDbEntityTypeExtensions.GetTableName(modelBuilder.Entity<TEntity>().Metadata) ?? typeof(TEntity).Name; // named in full: relational has one too
}

/// <summary>
/// The Northwind fixture with its keyless query types mapped, on a store of its own (see
/// <see cref="NorthwindQueryDynamoDbFixture{TModelCustomizer}.MapKeylessEntityTypes" />).
/// </summary>
public class NorthwindKeylessEntitiesQueryDynamoDbFixture : NorthwindQueryDynamoDbFixture<NoopModelCustomizer>
{
    /// <inheritdoc />
    protected override string StoreName => "NorthwindKeyless";

    /// <inheritdoc />
    protected override bool MapKeylessEntityTypes => true;
}
