using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.Local;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>
/// The one DynamoDB Local server of the test run (or the endpoint named by <c>DYNAMODB_ENDPOINT</c>), shared by
/// every test class through <see cref="DynamoDbCollection" />, plus a raw SDK client for checks that must not go
/// through the provider.
/// </summary>
public sealed class DynamoDbServerFixture : IAsyncLifetime
{
    private DynamoDbLocalServer? _server;
    private AmazonDynamoDBClient? _client;

    /// <summary>The endpoint to give <c>ServiceUrl</c>.</summary>
    public string ServiceUrl => (_server ?? throw new InvalidOperationException("The server has not started.")).ServiceUrl.ToString();

    /// <summary>A client of the server that bypasses the provider: for raw reads and writes.</summary>
    public IAmazonDynamoDB RawClient => _client ?? throw new InvalidOperationException("The server has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await DynamoDbLocalServer.StartAsync();
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("FunctionalTests", "FunctionalTests"),
            new AmazonDynamoDBConfig { ServiceURL = ServiceUrl, AuthenticationRegion = "us-east-1" });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
