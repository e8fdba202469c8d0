using Microsoft.EntityFrameworkCore.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;

/// <summary>Gives EF Core's specification fixtures the provider's services and <see cref="DynamoDbTestStore" />s.</summary>
public class DynamoDbTestStoreFactory : ITestStoreFactory
{
    /// <summary>The factory every fixture uses.</summary>
    public static DynamoDbTestStoreFactory Instance { get; } = new();

    /// <summary>Only <see cref="Instance" /> and derived factories.</summary>
    protected DynamoDbTestStoreFactory()
    {
    }

    /// <inheritdoc />
    public IServiceCollection AddProviderServices(IServiceCollection serviceCollection)
        => serviceCollection.AddEntityFrameworkDynamoDb();

    /// <inheritdoc />
    public TestStore Create(string storeName) => DynamoDbTestStore.Create(storeName);

    /// <inheritdoc />
    public virtual TestStore GetOrCreate(string storeName) => DynamoDbTestStore.GetOrCreate(storeName);

    /// <inheritdoc />
    public ListLoggerFactory CreateListLoggerFactory(Func<string, bool> shouldLogCategory) => new(shouldLogCategory);
}
