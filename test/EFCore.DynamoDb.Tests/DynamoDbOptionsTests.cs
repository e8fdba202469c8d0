using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Metadata.Conventions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.Tests;

public sealed class DynamoDbOptionsTests : IDisposable
{
    private readonly AmazonDynamoDBClient _client = new(
        new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig { ServiceURL = TestContexts.UnreachableServiceUrl });

    public void Dispose() => _client.Dispose();

    private static DynamoDbOptionsExtension Extension(Action<DynamoDbDbContextOptionsBuilder> configure)
        => new DbContextOptionsBuilder().UseDynamoDb(configure).Options.FindExtension<DynamoDbOptionsExtension>()!;

    // Each option set builds its own internal service provider, on purpose; EF warns (as an error) past twenty in a
    // process, which the suite passes depending on test order.
    private static ShopContext Context(Action<DbContextOptionsBuilder> configure)
    {
        var builder = new DbContextOptionsBuilder<ShopContext>()
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.ManyServiceProvidersCreatedWarning));
        configure(builder);
        return new ShopContext(builder.Options);
    }

    [Fact]
    public void UseDynamoDb_without_options_registers_the_provider_with_defaults()
    {
        var extension = new DbContextOptionsBuilder().UseDynamoDb().Options.FindExtension<DynamoDbOptionsExtension>();

        Assert.NotNull(extension);
        Assert.Null(extension.ServiceUrl);
        Assert.Null(extension.Region);
        Assert.Null(extension.Credentials);
        Assert.Null(extension.Client);
        Assert.Null(extension.TableNamePrefix);
        Assert.Null(extension.TableNameSuffix);
        Assert.Equal(TimeSpan.FromMinutes(5), extension.WaitForActiveTimeout);
    }

    [Fact]
    public void ServiceUrl_is_stored()
        => Assert.Equal("http://localhost:8000", Extension(o => o.ServiceUrl("http://localhost:8000")).ServiceUrl);

    [Fact]
    public void Region_is_stored()
        => Assert.Equal("eu-west-1", Extension(o => o.Region("eu-west-1")).Region);

    [Fact]
    public void Credentials_are_stored()
    {
        var credentials = new BasicAWSCredentials("key", "secret");

        Assert.Same(credentials, Extension(o => o.Credentials(credentials)).Credentials);
    }

    [Fact]
    public void TableNamePrefix_is_stored()
        => Assert.Equal("dev-", Extension(o => o.TableNamePrefix("dev-")).TableNamePrefix);

    [Fact]
    public void TableNameSuffix_is_stored()
        => Assert.Equal("-v2", Extension(o => o.TableNameSuffix("-v2")).TableNameSuffix);

    [Fact]
    public void WaitForActiveTimeout_is_stored()
        => Assert.Equal(TimeSpan.FromSeconds(42), Extension(o => o.WaitForActiveTimeout(TimeSpan.FromSeconds(42))).WaitForActiveTimeout);

    [Fact]
    public void Options_set_in_separate_calls_accumulate()
    {
        var builder = new DbContextOptionsBuilder();
        builder.UseDynamoDb(o => o.ServiceUrl("http://localhost:8000"));
        builder.UseDynamoDb(o => o.TableNamePrefix("dev-"));

        var extension = builder.Options.FindExtension<DynamoDbOptionsExtension>()!;
        Assert.Equal("http://localhost:8000", extension.ServiceUrl);
        Assert.Equal("dev-", extension.TableNamePrefix);
    }

    [Fact]
    public void UseDynamoDb_with_a_client_stores_the_client()
    {
        var extension = new DbContextOptionsBuilder().UseDynamoDb(_client).Options.FindExtension<DynamoDbOptionsExtension>()!;

        Assert.Same(_client, extension.Client);
    }

    [Fact]
    public void UseDynamoDb_with_a_client_still_applies_table_naming()
    {
        var extension = new DbContextOptionsBuilder()
            .UseDynamoDb(_client, o => o.TableNamePrefix("dev-").TableNameSuffix("-v2"))
            .Options.FindExtension<DynamoDbOptionsExtension>()!;

        Assert.Same(_client, extension.Client);
        Assert.Equal("dev-", extension.TableNamePrefix);
        Assert.Equal("-v2", extension.TableNameSuffix);
    }

    [Fact]
    public void Generic_UseDynamoDb_returns_the_typed_builder()
    {
        var builder = new DbContextOptionsBuilder<ShopContext>();

        Assert.Same(builder, builder.UseDynamoDb(o => o.ServiceUrl("http://localhost:8000")));
        Assert.Same(builder, builder.UseDynamoDb(_client));
    }

    [Fact]
    public void ServiceUrl_null_is_rejected()
        => Assert.Equal("serviceUrl", Assert.Throws<ArgumentNullException>(() => Extension(o => o.ServiceUrl(null!))).ParamName);

    [Fact]
    public void ServiceUrl_blank_is_rejected()
        => Assert.Equal("serviceUrl", Assert.Throws<ArgumentException>(() => Extension(o => o.ServiceUrl("  "))).ParamName);

    [Fact]
    public void ServiceUrl_that_is_not_an_absolute_url_is_rejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => Extension(o => o.ServiceUrl("localhost")));

        Assert.Equal("serviceUrl", exception.ParamName);
        Assert.StartsWith(DynamoDbStrings.InvalidServiceUrl("localhost"), exception.Message);
    }

    [Fact]
    public void Region_blank_is_rejected()
        => Assert.Equal("region", Assert.Throws<ArgumentException>(() => Extension(o => o.Region(""))).ParamName);

    [Fact]
    public void Credentials_null_is_rejected()
        => Assert.Equal("credentials", Assert.Throws<ArgumentNullException>(() => Extension(o => o.Credentials(null!))).ParamName);

    [Fact]
    public void TableNamePrefix_null_is_rejected()
        => Assert.Equal("prefix", Assert.Throws<ArgumentNullException>(() => Extension(o => o.TableNamePrefix(null!))).ParamName);

    [Fact]
    public void TableNameSuffix_null_is_rejected()
        => Assert.Equal("suffix", Assert.Throws<ArgumentNullException>(() => Extension(o => o.TableNameSuffix(null!))).ParamName);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void WaitForActiveTimeout_that_is_not_positive_is_rejected(int seconds)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Extension(o => o.WaitForActiveTimeout(TimeSpan.FromSeconds(seconds))));

        Assert.Equal("timeout", exception.ParamName);
        Assert.StartsWith(DynamoDbStrings.TimeoutNotPositive("timeout"), exception.Message);
    }

    [Fact]
    public void UseDynamoDb_with_a_null_client_is_rejected()
        => Assert.Equal("client", Assert.Throws<ArgumentNullException>(() => new DbContextOptionsBuilder().UseDynamoDb((IAmazonDynamoDB)null!)).ParamName);

    [Fact]
    public void UseDynamoDb_on_a_null_options_builder_is_rejected()
        => Assert.Equal("optionsBuilder", Assert.Throws<ArgumentNullException>(() => ((DbContextOptionsBuilder)null!).UseDynamoDb()).ParamName);

    [Fact]
    public void A_client_together_with_a_ServiceUrl_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.ClientAndConnectionOptions,
            Assert.Throws<InvalidOperationException>(() => Context(o => o.UseDynamoDb(_client, d => d.ServiceUrl("http://localhost:8000")))).Message);

    [Fact]
    public void A_client_together_with_a_Region_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.ClientAndConnectionOptions,
            Assert.Throws<InvalidOperationException>(() => Context(o => o.UseDynamoDb(_client, d => d.Region("eu-west-1")))).Message);

    [Fact]
    public void A_client_together_with_Credentials_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.ClientAndConnectionOptions,
            Assert.Throws<InvalidOperationException>(() => Context(o => o.UseDynamoDb(_client, d => d.Credentials(new BasicAWSCredentials("key", "secret"))))).Message);

    [Fact]
    public void IsDynamoDb_is_true_for_a_DynamoDb_context()
    {
        using var db = TestContexts.Shop();

        Assert.True(db.Database.IsDynamoDb());
    }

    [Fact]
    public void GetDynamoDbClient_returns_the_supplied_client()
    {
        using var db = Context(o => o.UseDynamoDb(_client));

        Assert.Same(_client, db.Database.GetDynamoDbClient());
    }

    [Fact]
    public void The_provider_creates_its_client_for_the_ServiceUrl_signing_for_us_east_1_by_default()
    {
        using var db = Context(o => o.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1")));

        var config = db.Database.GetDynamoDbClient().Config;
        Assert.Equal("http://127.0.0.1:1/", config.ServiceURL);
        Assert.Equal("us-east-1", config.AuthenticationRegion);
    }

    [Fact]
    public void The_provider_creates_its_client_for_the_ServiceUrl_signing_for_the_configured_Region()
    {
        using var db = Context(o => o.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").Region("eu-west-1")));

        var config = db.Database.GetDynamoDbClient().Config;
        Assert.Equal("http://127.0.0.1:1/", config.ServiceURL);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
    }

    [Fact]
    public void The_provider_creates_its_client_for_the_Region()
    {
        using var db = Context(o => o.UseDynamoDb(d => d.Region("eu-west-1").Credentials(new BasicAWSCredentials("key", "secret"))));

        Assert.Equal(RegionEndpoint.EUWest1, db.Database.GetDynamoDbClient().Config.RegionEndpoint);
    }

    [Fact]
    public void Two_contexts_with_the_same_options_share_one_client()
    {
        using var first = Context(o => o.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").TableNamePrefix("shared-")));
        using var second = Context(o => o.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").TableNamePrefix("shared-")));

        Assert.Same(first.Database.GetDynamoDbClient(), second.Database.GetDynamoDbClient());
    }

    [Fact]
    public void Two_contexts_with_the_same_options_share_one_internal_service_provider()
    {
        using var first = Context(o => o.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").TableNamePrefix("shared-")));
        using var second = Context(o => o.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").TableNamePrefix("shared-")));

        Assert.Same(first.GetService<IDynamoDbSingletonOptions>(), second.GetService<IDynamoDbSingletonOptions>());
    }

    [Fact]
    public void Contexts_with_different_options_use_different_internal_service_providers_and_clients()
    {
        using var first = Context(o => o.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").TableNamePrefix("one-")));
        using var second = Context(o => o.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").TableNamePrefix("two-")));

        Assert.NotSame(first.GetService<IDynamoDbSingletonOptions>(), second.GetService<IDynamoDbSingletonOptions>());
        Assert.NotSame(first.Database.GetDynamoDbClient(), second.Database.GetDynamoDbClient());
        Assert.Equal("one-", first.GetService<IDynamoDbSingletonOptions>().TableNamePrefix);
        Assert.Equal("two-", second.GetService<IDynamoDbSingletonOptions>().TableNamePrefix);
    }

    [Fact]
    public void Singleton_options_capture_every_option()
    {
        var credentials = new BasicAWSCredentials("key", "secret");
        using var db = Context(o => o.UseDynamoDb(d => d
            .ServiceUrl("http://127.0.0.1:1")
            .Region("eu-central-1")
            .Credentials(credentials)
            .TableNamePrefix("p-")
            .TableNameSuffix("-s")
            .WaitForActiveTimeout(TimeSpan.FromSeconds(7))));

        var options = db.GetService<IDynamoDbSingletonOptions>();
        Assert.Equal("http://127.0.0.1:1", options.ServiceUrl);
        Assert.Equal("eu-central-1", options.Region);
        Assert.Same(credentials, options.Credentials);
        Assert.Null(options.Client);
        Assert.Equal("p-", options.TableNamePrefix);
        Assert.Equal("-s", options.TableNameSuffix);
        Assert.Equal(TimeSpan.FromSeconds(7), options.WaitForActiveTimeout);
    }

    [Fact]
    public void AddEntityFrameworkDynamoDb_registers_the_provider_services()
    {
        var services = new ServiceCollection().AddEntityFrameworkDynamoDb();

        Type ImplementationOf<TService>() => services.Single(d => d.ServiceType == typeof(TService)).ImplementationType!;
        Assert.Equal(typeof(DatabaseProvider<DynamoDbOptionsExtension>), ImplementationOf<IDatabaseProvider>());
        Assert.Equal(typeof(DynamoDbDatabase), ImplementationOf<IDatabase>());
        Assert.Equal(typeof(DynamoDbDatabaseCreator), ImplementationOf<IDatabaseCreator>());
        Assert.Equal(typeof(DynamoDbTypeMappingSource), ImplementationOf<ITypeMappingSource>());
        Assert.Equal(typeof(DynamoDbModelValidator), ImplementationOf<IModelValidator>());
        Assert.Equal(typeof(DynamoDbConventionSetBuilder), ImplementationOf<IProviderConventionSetBuilder>());
        Assert.Equal(typeof(DynamoDbTransactionManager), ImplementationOf<IDbContextTransactionManager>());
        Assert.Equal(typeof(DynamoDbQueryContextFactory), ImplementationOf<IQueryContextFactory>());
        Assert.Equal(typeof(DynamoDbQueryableMethodTranslatingExpressionVisitorFactory), ImplementationOf<IQueryableMethodTranslatingExpressionVisitorFactory>());
        Assert.Equal(typeof(DynamoDbShapedQueryCompilingExpressionVisitorFactory), ImplementationOf<IShapedQueryCompilingExpressionVisitorFactory>());
        Assert.Equal(typeof(DynamoDbQueryTranslationPostprocessorFactory), ImplementationOf<IQueryTranslationPostprocessorFactory>());
        Assert.Equal(typeof(DynamoDbSingletonOptions), ImplementationOf<IDynamoDbSingletonOptions>());
        Assert.Equal(typeof(SingletonDynamoDbClient), ImplementationOf<ISingletonDynamoDbClient>());
        Assert.Equal(typeof(DynamoDbClientWrapper), ImplementationOf<IDynamoDbClientWrapper>());
    }

    [Fact]
    public void AddEntityFrameworkDynamoDb_registers_the_core_services_too()
    {
        var services = new ServiceCollection().AddEntityFrameworkDynamoDb();

        Assert.Contains(services, d => d.ServiceType == typeof(IModelSource));
        Assert.Contains(services, d => d.ServiceType == typeof(IQueryCompiler));
    }

    [Fact]
    public void A_context_runs_on_an_application_service_provider_built_with_AddEntityFrameworkDynamoDb()
    {
        var serviceProvider = new ServiceCollection().AddEntityFrameworkDynamoDb().BuildServiceProvider();
        using var db = Context(o => o
            .UseDynamoDb(d => d.ServiceUrl(TestContexts.UnreachableServiceUrl))
            .UseInternalServiceProvider(serviceProvider));

        var request = RequestJson.Of(db.Products.Where(p => p.Id == 7));

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Same(serviceProvider.GetRequiredService<IDynamoDbSingletonOptions>(), db.GetService<IDynamoDbSingletonOptions>());
    }

    [Fact]
    public void AddEntityFrameworkDynamoDb_on_a_null_collection_is_rejected()
        => Assert.Equal(
            "serviceCollection",
            Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddEntityFrameworkDynamoDb()).ParamName);

    [Fact]
    public void SyncNotSupported_is_an_error_by_default()
    {
        using var db = TestContexts.Shop();

        Assert.Equal(WarningBehavior.Throw, WarningBehaviorOf(db, DynamoDbEventId.SyncNotSupported));
    }

    [Fact]
    public void A_synchronous_query_throws_SyncNotSupported_by_default()
    {
        using var db = TestContexts.Shop();
        string? customerId = null;

        var exception = Assert.Throws<InvalidOperationException>(() => db.Orders.Where(o => o.CustomerId == customerId).ToList());

        Assert.Contains(DynamoDbStrings.SyncNotSupported("ToListAsync, FirstOrDefaultAsync, CountAsync or await foreach"), exception.Message);
    }

    [Fact]
    public void ConfigureWarnings_after_UseDynamoDb_downgrades_SyncNotSupported()
    {
        using var db = TestContexts.Shop(configure: o => o.ConfigureWarnings(w => w.Log(DynamoDbEventId.SyncNotSupported)));
        string? customerId = null;

        Assert.Equal(WarningBehavior.Log, WarningBehaviorOf(db, DynamoDbEventId.SyncNotSupported));
        // A null key sends no request, so the now-allowed synchronous query completes without a server.
        Assert.Empty(db.Orders.Where(o => o.CustomerId == customerId).ToList());
    }

    [Fact]
    public void ConfigureWarnings_before_UseDynamoDb_downgrades_SyncNotSupported()
    {
        using var db = Context(o => o
            .ConfigureWarnings(w => w.Ignore(DynamoDbEventId.SyncNotSupported))
            .UseDynamoDb(d => d.ServiceUrl(TestContexts.UnreachableServiceUrl)));

        Assert.Equal(WarningBehavior.Ignore, WarningBehaviorOf(db, DynamoDbEventId.SyncNotSupported));
    }

    [Fact]
    public void Other_warnings_keep_their_default_behavior()
    {
        using var db = TestContexts.Shop();

        Assert.Null(db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!
            .WarningsConfiguration.GetBehavior(DynamoDbEventId.ScanQueryWarning));
    }

    private static WarningBehavior? WarningBehaviorOf(DbContext db, Microsoft.Extensions.Logging.EventId eventId)
        => db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.WarningsConfiguration.GetBehavior(eventId);
}
