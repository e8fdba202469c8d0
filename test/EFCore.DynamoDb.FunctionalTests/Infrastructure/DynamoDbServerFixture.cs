using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.Local;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>
/// The one DynamoDB Local server of the test run (or the endpoint named by <c>DYNAMODB_ENDPOINT</c>), shared by
/// every test class through <see cref="DynamoDbCollection" />, plus a raw SDK client for checks that must not go
/// through the provider.
/// </summary>
/// <remarks>
/// The server is started once per test process (<see cref="GetSharedServerAsync" />): EF Core's specification
/// tests, whose fixtures xunit builds without a collection fixture, use the same JVM. It is stopped when the
/// process exits.
/// </remarks>
public sealed class DynamoDbServerFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<DynamoDbLocalServer>> SharedServer = new(() => DynamoDbLocalServer.StartAsync());

    private DynamoDbLocalServer? _server;
    private AmazonDynamoDBClient? _client;

    /// <summary>The endpoint to give <c>ServiceUrl</c>.</summary>
    public string ServiceUrl => (_server ?? throw new InvalidOperationException("The server has not started.")).ServiceUrl.ToString();

    /// <summary>A client of the server that bypasses the provider: for raw reads and writes.</summary>
    public IAmazonDynamoDB RawClient => _client ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The server of this test process, started by the first caller.</summary>
    public static Task<DynamoDbLocalServer> GetSharedServerAsync() => SharedServer.Value;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await GetSharedServerAsync();
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("FunctionalTests", "FunctionalTests"),
            new AmazonDynamoDBConfig { ServiceURL = ServiceUrl, AuthenticationRegion = "us-east-1" });
    }

    /// <inheritdoc />
    /// <remarks>The shared server outlives the collection: the process exit stops it.</remarks>
    public Task DisposeAsync()
    {
        _client?.Dispose();
        return Task.CompletedTask;
    }
}
