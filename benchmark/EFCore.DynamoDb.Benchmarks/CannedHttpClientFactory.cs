using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>Gives the AWS SDK an HttpClient over <see cref="CannedDynamoDbHandler" />.</summary>
public sealed class CannedHttpClientFactory : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new CannedDynamoDbHandler());

    /// <summary>A DynamoDB client whose every request gets its canned response, nothing sent.</summary>
    public static AmazonDynamoDBClient CreateDynamoDbClient()
        => new(
            new BasicAWSCredentials("benchmark", "benchmark"),
            new AmazonDynamoDBConfig
            {
                ServiceURL = "http://localhost:8000",
                AuthenticationRegion = "us-east-1",
                HttpClientFactory = new CannedHttpClientFactory(),
            });
}
