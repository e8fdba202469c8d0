using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Operating;

/// <summary>
/// <c>AddDynamoDb&lt;TContext&gt;()</c>, and <c>UseDynamoDb()</c> without an endpoint using the
/// <see cref="IAmazonDynamoDB" /> the application registered with AWSSDK.Extensions.NETCore.Setup from the
/// appsettings <c>AWS</c> section.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ApplicationServicesTests(OperatingFixture fixture) : IClassFixture<OperatingFixture>
{
    [Fact]
    public async Task AddDynamoDb_registers_a_context_that_reads_and_writes()
    {
        var services = new ServiceCollection();
        services.AddDynamoDb<OperatingContext>(d => d.ServiceUrl(fixture.Server.ServiceUrl).TableNamePrefix(fixture.TableNamePrefix), o => o.ForTests());
        await using var provider = services.BuildServiceProvider();

        await using (var scope = provider.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<OperatingContext>();
            Assert.Equal("first", (await context.Notes.FindAsync("n1"))?.Text);
            context.Notes.Add(new Note { Id = "added-by-di", Text = "di" });
            await context.SaveChangesAsync();
        }

        var item = await fixture.GetRawItemAsync("Notes", ("Id", new() { S = "added-by-di" }));
        Assert.Equal("di", item?["Text"].S);
    }

    [Fact]
    public async Task UseDynamoDb_without_an_endpoint_uses_the_client_registered_from_the_appsettings_AWS_section()
    {
        var appsettings = $$"""
            {
              "AWS": {
                "Region": "eu-west-1",
                "ServiceURL": "{{fixture.Server.ServiceUrl}}"
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(appsettings))).Build();
        var awsOptions = configuration.GetAWSOptions();
        awsOptions.Credentials = new BasicAWSCredentials("ApplicationServicesTests", "ApplicationServicesTests");
        var services = new ServiceCollection();
        services.AddDefaultAWSOptions(awsOptions);
        services.AddAWSService<IAmazonDynamoDB>();
        services.AddDbContext<OperatingContext>(o => o.UseDynamoDb(d => d.TableNamePrefix(fixture.TableNamePrefix)).ForTests());
        await using var provider = services.BuildServiceProvider();

        await using var scope = provider.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<OperatingContext>();

        var client = context.Database.GetDynamoDbClient();
        Assert.Same(provider.GetRequiredService<IAmazonDynamoDB>(), client);
        Assert.StartsWith(fixture.Server.ServiceUrl.TrimEnd('/'), client.Config.ServiceURL);
        Assert.Equal("second", (await context.Notes.FindAsync("n2"))?.Text);
    }

    [Fact]
    public async Task An_endpoint_in_the_options_wins_over_the_registered_client()
    {
        var registered = new AmazonDynamoDBClient(new BasicAWSCredentials("a", "b"), new AmazonDynamoDBConfig { ServiceURL = UnreachableEndpoints.ClosedPort() });
        var services = new ServiceCollection();
        services.AddSingleton<IAmazonDynamoDB>(registered);
        services.AddDynamoDb<OperatingContext>(d => d.ServiceUrl(fixture.Server.ServiceUrl).TableNamePrefix(fixture.TableNamePrefix), o => o.ForTests());
        await using var provider = services.BuildServiceProvider();

        await using var scope = provider.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<OperatingContext>();

        Assert.NotSame(registered, context.Database.GetDynamoDbClient());
        Assert.Equal("first", (await context.Notes.FindAsync("n1"))?.Text);
    }
}
