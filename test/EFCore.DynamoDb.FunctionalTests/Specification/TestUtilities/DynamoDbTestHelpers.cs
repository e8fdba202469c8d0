using EFCore.DynamoDb.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;

/// <summary>The provider's side of EF Core's <see cref="TestHelpers" />: its services and options.</summary>
public class DynamoDbTestHelpers : TestHelpers
{
    /// <summary>Only <see cref="Instance" /> and derived helpers.</summary>
    protected DynamoDbTestHelpers()
    {
    }

    /// <summary>The helpers every fixture uses.</summary>
    public static DynamoDbTestHelpers Instance { get; } = new();

    /// <inheritdoc />
    public override IServiceCollection AddProviderServices(IServiceCollection services)
        => services.AddEntityFrameworkDynamoDb();

    /// <inheritdoc />
    public override DbContextOptionsBuilder UseProviderOptions(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseDynamoDb(d => d.ServiceUrl(DynamoDbTestStore.ServiceUrl));

    /// <inheritdoc />
    public override LoggingDefinitions LoggingDefinitions { get; } = new DynamoDbLoggingDefinitions();
}
