using Amazon.Runtime;

namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>
/// Gives the AWS SDK an HttpClient over a test's <see cref="FaultInjectingHandler" />; the test owns and disposes the
/// handler.
/// </summary>
public sealed class FaultInjectingHttpClientFactory(FaultInjectingHandler handler) : HttpClientFactory
{
    /// <inheritdoc />
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);
}
