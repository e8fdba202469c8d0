using Amazon.Runtime;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>Gives the AWS SDK an HttpClient over a <see cref="FaultInjectingHandler" />.</summary>
public sealed class FaultInjectingHttpClientFactory(FaultInjectingHandler handler) : HttpClientFactory
{
    /// <inheritdoc />
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

    /// <summary>
    /// The SDK would otherwise share one cached HttpClient between clients with equal settings, so faults meant for
    /// one test's client would reach another's.
    /// </summary>
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
}
