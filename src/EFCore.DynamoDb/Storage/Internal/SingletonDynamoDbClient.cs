using System.Net;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Properties;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Creates the client from the options on first use (or hands out the one the application supplied) and disposes
/// only a client it created.
/// </summary>
public sealed class SingletonDynamoDbClient : ISingletonDynamoDbClient, IDisposable
{
    // DynamoDB Local and other loopback emulators accept any credentials made of letters and digits; these stand
    // in when none are configured.
    private const string LoopbackPlaceholderKey = "DynamoDbLocal";

    // An endpoint URL still needs a region to sign with; AWS's own default is used when none is configured.
    private const string DefaultSigningRegion = "us-east-1";

    private readonly Lazy<IAmazonDynamoDB> _client;
    private readonly bool _ownsClient;

    /// <summary>Creates the holder; the client itself is created on first use.</summary>
    public SingletonDynamoDbClient(IDynamoDbSingletonOptions options)
    {
        _ownsClient = options.Client is null;
        _client = new Lazy<IAmazonDynamoDB>(() => options.Client ?? CreateClient(options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public IAmazonDynamoDB Client => _client.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsClient && _client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static AmazonDynamoDBClient CreateClient(IDynamoDbSingletonOptions options)
    {
        var config = new AmazonDynamoDBConfig
        {
            // An unreachable endpoint fails after this long instead of waiting for the operating system to give up.
            ConnectTimeout = options.ConnectTimeout,

            // The provider's execution strategy is the one retry layer, so that every retry is logged
            // (CoreEventId.ExecutionStrategyRetrying) and counted, and a request is never retried by the SDK inside
            // each attempt of the strategy: the attempts would multiply, each waiting the connect timeout.
            MaxErrorRetry = 0,
        };
        if (options.ServiceUrl is { } serviceUrl)
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = options.Region ?? DefaultSigningRegion;
        }
        else if (options.Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        var credentials = options.Credentials;
        if (credentials is null && options.ServiceUrl is { } url && IsLoopback(url))
        {
            credentials = new BasicAWSCredentials(LoopbackPlaceholderKey, LoopbackPlaceholderKey);
        }

        try
        {
            return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
        }
        catch (AmazonClientException exception) when (options.ServiceUrl is null && options.Region is null)
        {
            // Neither the options nor the SDK's own resolution (AWS_REGION, the profile, instance metadata) named a region.
            throw new InvalidOperationException(DynamoDbStrings.NoRegionOrEndpoint(exception.Message), exception);
        }
    }

    private static bool IsLoopback(string serviceUrl)
        => Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));
}
