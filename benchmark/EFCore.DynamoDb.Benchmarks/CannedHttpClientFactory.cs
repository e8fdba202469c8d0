using Amazon.Runtime;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>Gives the AWS SDK an HttpClient over <see cref="CannedDynamoDbHandler" />.</summary>
public sealed class CannedHttpClientFactory : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new CannedDynamoDbHandler());
}
