using System.Diagnostics;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EFCore.DynamoDb.FunctionalTests.Operating;

/// <summary>
/// An unreachable endpoint fails within seconds with a message naming it, <c>CanConnectAsync</c> answers within the
/// connect timeout, and EF's health check (<c>AddDbContextCheck</c>) reports DynamoDB healthy or not.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ConnectionTests(OperatingFixture fixture) : IClassFixture<OperatingFixture>
{
    private static OperatingContext CreateContext(string serviceUrl, TimeSpan? connectTimeout = null)
        => new(new DbContextOptionsBuilder<OperatingContext>()
            .UseDynamoDb(d =>
            {
                d.ServiceUrl(serviceUrl);
                if (connectTimeout is { } timeout)
                {
                    d.ConnectTimeout(timeout);
                }
            })
            .ForTests()
            .Options);

    [Fact]
    public async Task A_query_to_a_closed_port_fails_at_once_naming_the_endpoint()
    {
        var serviceUrl = UnreachableEndpoints.ClosedPort();
        await using var context = CreateContext(serviceUrl);
        var stopwatch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<HttpRequestException>(async () => await context.Notes.FindAsync("n1"));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"took {stopwatch.Elapsed}");
        Assert.Equal(HttpRequestError.ConnectionError, exception.HttpRequestError);
        Assert.Contains($"The GetItem request could not reach DynamoDB at '{serviceUrl}'", exception.Message);
        Assert.Contains("after 5 s ('UseDynamoDb(o => o.ConnectTimeout(...))')", exception.Message);
    }

    [Fact]
    public async Task A_save_to_an_endpoint_that_never_accepts_fails_after_the_connect_timeout()
    {
        using var silent = UnreachableEndpoints.Silent();
        await using var context = CreateContext(silent.ServiceUrl, TimeSpan.FromSeconds(1));
        context.Notes.Add(new Note { Id = "never" });
        var stopwatch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => context.SaveChangesAsync());

        // One attempt: neither the SDK nor the execution strategy tries a connection that timed out again.
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
        var timeout = Assert.IsType<TimeoutException>(exception is DbUpdateException ? exception.InnerException : exception);
        Assert.Contains($"The PutItem request could not reach DynamoDB at '{silent.ServiceUrl}'", timeout.Message);
        Assert.Contains("gives up after 1 s", timeout.Message);
    }

    [Fact]
    public async Task CanConnect_is_true_against_DynamoDB_Local()
    {
        await using var context = CreateContext(fixture.Server.ServiceUrl);

        Assert.True(await context.Database.CanConnectAsync());
    }

    [Fact]
    public async Task CanConnect_is_false_at_once_for_a_closed_port()
    {
        await using var context = CreateContext(UnreachableEndpoints.ClosedPort());
        var stopwatch = Stopwatch.StartNew();

        Assert.False(await context.Database.CanConnectAsync());

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task CanConnect_is_false_within_the_connect_timeout_for_an_endpoint_that_never_accepts()
    {
        using var silent = UnreachableEndpoints.Silent();
        await using var context = CreateContext(silent.ServiceUrl, TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();

        Assert.False(await context.Database.CanConnectAsync());

        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task The_EF_health_check_is_healthy_against_DynamoDB_Local()
    {
        var report = await CheckHealthAsync(fixture.Server.ServiceUrl);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries["dynamodb"].Status);
    }

    [Fact]
    public async Task The_EF_health_check_is_unhealthy_within_seconds_for_a_closed_port()
    {
        var stopwatch = Stopwatch.StartNew();

        var report = await CheckHealthAsync(UnreachableEndpoints.ClosedPort());

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"took {stopwatch.Elapsed}");
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["dynamodb"].Status);
    }

    private static async Task<HealthReport> CheckHealthAsync(string serviceUrl)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDynamoDb<OperatingContext>(d => d.ServiceUrl(serviceUrl), o => o.ForTests());
        services.AddHealthChecks().AddDbContextCheck<OperatingContext>("dynamodb");
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }
}
