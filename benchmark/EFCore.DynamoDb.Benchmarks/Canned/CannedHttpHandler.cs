using System.Net;
using System.Net.Http.Headers;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// Answers every DynamoDB request with the canned body of its operation, without a network: what is measured is the
/// client's work (building, signing, serializing requests, parsing responses, mapping), which every implementation
/// pays through the same SDK client, plus whatever it adds.
/// </summary>
public sealed class CannedHttpHandler(CannedResponses responses) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/x-amz-json-1.0");

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "";
        var body = target[(target.LastIndexOf('.') + 1)..] switch
        {
            "GetItem" => responses.GetItem,
            "Query" => responses.Query,
            "BatchWriteItem" => responses.BatchWriteItem,
            "BatchGetItem" => responses.BatchGetItem,
            _ => responses.PutItem,
        };
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request };
        response.Content.Headers.ContentType = JsonType;
        response.Headers.Add("x-amzn-RequestId", "BENCHMARK");
        return Task.FromResult(response);
    }

    /// <summary>An SDK client whose every request is answered from <paramref name="responses" />, without a network.</summary>
    public static AmazonDynamoDBClient CreateClient(CannedResponses responses)
        => new(
            new BasicAWSCredentials("benchmark", "benchmark"),
            new AmazonDynamoDBConfig
            {
                ServiceURL = "http://localhost:8000",
                AuthenticationRegion = "us-east-1",
                HttpClientFactory = new Factory(responses),
            });

    /// <summary>Gives the SDK an HttpClient over a <see cref="CannedHttpHandler" />.</summary>
    public sealed class Factory(CannedResponses responses) : HttpClientFactory
    {
        /// <inheritdoc />
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new CannedHttpHandler(responses));
    }
}
