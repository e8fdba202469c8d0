using System.Net;
using System.Text;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
/// Answers every DynamoDB request with a fixed response for its operation, without a network: the benchmarks then
/// measure the CPU and allocations of building, signing, sending and parsing requests on the client, which both
/// the provider and the raw SDK pay, plus whatever the provider adds.
/// </summary>
public sealed class CannedDynamoDbHandler : HttpMessageHandler
{
    public const string GetItemResponse = """
        {"ConsumedCapacity":{"CapacityUnits":0.5,"TableName":"Orders"},"Item":{"CustomerId":{"S":"c1"},"OrderId":{"S":"2024-001"},"Total":{"N":"12.5"},"Status":{"N":"1"},"PlacedAt":{"S":"2024-05-01T10:30:00.0000000Z"},"Note":{"S":"leave at the door"}}}
        """;

    public const string PutItemResponse = """{"ConsumedCapacity":{"CapacityUnits":1.0,"TableName":"Orders"}}""";

    /// <summary>One Query page of twenty orders of customer c1, every fourth one with a note that mentions a door.</summary>
    public static readonly string QueryResponse = "{\"ConsumedCapacity\":{\"CapacityUnits\":2.5,\"TableName\":\"Orders\"},\"Count\":20,\"ScannedCount\":20,\"Items\":["
        + string.Join(",", Enumerable.Range(1, 20).Select(i =>
            $"{{\"CustomerId\":{{\"S\":\"c1\"}},\"OrderId\":{{\"S\":\"2024-{i:000}\"}},\"Total\":{{\"N\":\"{i * 10}.5\"}},\"Status\":{{\"N\":\"1\"}},\"PlacedAt\":{{\"S\":\"2024-05-01T10:30:00.0000000Z\"}},\"Note\":{{\"S\":\"{(i % 4 == 0 ? "leave at the door" : "ring twice")}\"}}}}"))
        + "]}";

    private static readonly byte[] GetItemBytes = Encoding.UTF8.GetBytes(GetItemResponse);
    private static readonly byte[] QueryBytes = Encoding.UTF8.GetBytes(QueryResponse);
    private static readonly byte[] PutItemBytes = Encoding.UTF8.GetBytes(PutItemResponse);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "";
        var body = target.EndsWith(".GetItem", StringComparison.Ordinal) ? GetItemBytes
            : target.EndsWith(".Query", StringComparison.Ordinal) ? QueryBytes
            : PutItemBytes;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        response.Headers.Add("x-amzn-RequestId", "BENCHMARK");
        return Task.FromResult(response);
    }
}
