using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Tests.TestModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The connection settings of the client the provider creates (connect timeout, no SDK retries under the execution
/// strategy), the message when no region can be found, and the client taken from the application's services.
/// </summary>
public sealed class DynamoDbConnectionOptionsTests
{
    private static ShopContext Context(Action<DbContextOptionsBuilder> configure)
    {
        var builder = new DbContextOptionsBuilder<ShopContext>().ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
        configure(builder);
        return new ShopContext(builder.Options);
    }

    [Fact]
    public void The_provider_s_client_gives_up_connecting_after_five_seconds_and_leaves_retries_to_the_execution_strategy()
    {
        using var db = Context(o => o.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1")));

        var config = db.Database.GetDynamoDbClient().Config;
        Assert.Equal(TimeSpan.FromSeconds(5), config.ConnectTimeout);
        Assert.Equal(0, config.MaxErrorRetry);
    }

    [Fact]
    public void ConnectTimeout_sets_the_client_s_connect_timeout_and_separates_internal_service_providers()
    {
        using var fast = Context(o => o.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").ConnectTimeout(TimeSpan.FromMilliseconds(1500))));
        using var standard = Context(o => o.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1")));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), fast.Database.GetDynamoDbClient().Config.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), fast.GetService<IDynamoDbSingletonOptions>().ConnectTimeout);
        Assert.NotSame(fast.Database.GetDynamoDbClient(), standard.Database.GetDynamoDbClient());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ConnectTimeout_that_is_not_positive_is_rejected(int seconds)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => new DbContextOptionsBuilder().UseDynamoDb(d => d.ConnectTimeout(TimeSpan.FromSeconds(seconds))));

        Assert.Equal("connectTimeout", exception.ParamName);
    }

    [Fact]
    public void Without_a_region_or_endpoint_anywhere_the_error_says_how_to_name_one()
    {
        var names = new[] { "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EC2_METADATA_DISABLED", "AWS_CONFIG_FILE", "AWS_PROFILE" };
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("AWS_REGION", null);
            Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", null);
            Environment.SetEnvironmentVariable("AWS_PROFILE", null);
            // No instance metadata lookup, no profile file: nothing can name a region.
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));
            using var db = Context(o => o.UseDynamoDb(d => d.Credentials(new BasicAWSCredentials("key", "secret")).TableNamePrefix("no-region-")));

            var exception = Assert.Throws<InvalidOperationException>(() => db.Database.GetDynamoDbClient());

            Assert.IsType<AmazonClientException>(exception.InnerException);
            Assert.Contains("UseDynamoDb(o => o.Region(\"eu-west-1\"))", exception.Message);
            Assert.Contains("o.ServiceUrl(", exception.Message);
            Assert.Contains("AWS_REGION", exception.Message);
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [Fact]
    public void UseDynamoDb_without_connection_options_uses_the_client_registered_in_the_application_s_services()
    {
        using var registered = new AmazonDynamoDBClient(new BasicAWSCredentials("key", "secret"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1" });
        var services = new ServiceCollection()
            .AddSingleton<IAmazonDynamoDB>(registered)
            .AddDynamoDb<ShopContext>(d => d.TableNamePrefix("app-"), o => o.ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)));
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<ShopContext>();

        Assert.Same(registered, db.Database.GetDynamoDbClient());
        Assert.Equal("app-", db.GetService<IDynamoDbSingletonOptions>().TableNamePrefix);
    }

    [Fact]
    public void A_Region_in_the_options_is_used_instead_of_the_registered_client()
    {
        using var registered = new AmazonDynamoDBClient(new BasicAWSCredentials("key", "secret"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1" });
        var services = new ServiceCollection()
            .AddSingleton<IAmazonDynamoDB>(registered)
            .AddDynamoDb<ShopContext>(
                d => d.Region("eu-west-1").Credentials(new BasicAWSCredentials("key", "secret")),
                o => o.ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)));
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<ShopContext>();

        Assert.NotSame(registered, db.Database.GetDynamoDbClient());
        Assert.Equal("eu-west-1", db.Database.GetDynamoDbClient().Config.RegionEndpoint?.SystemName);
    }
}
