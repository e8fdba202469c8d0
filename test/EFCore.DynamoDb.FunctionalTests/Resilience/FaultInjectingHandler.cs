using System.Net;
using System.Text;

namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>
/// The HTTP handler of a test's AWS SDK client: forwards each request to DynamoDB Local, except the ones a test
/// scripted to fail, which it answers itself with a transient error (nothing reaches the server). Records the
/// operation of every request it is given, failed or forwarded.
/// </summary>
public sealed class FaultInjectingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly Lock _lock = new();
    private readonly List<string> _operations = [];
    private readonly Dictionary<string, (int Skip, int Fail, Fault Fault)> _faults = [];
    private readonly Dictionary<string, int> _seen = [];

    /// <summary>The operation ("PutItem", "Query"…) of every request the SDK sent, in order.</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_lock)
            {
                return _operations.ToList();
            }
        }
    }

    /// <summary>The requests of one operation the SDK sent, failed or forwarded.</summary>
    public int Count(string operation) => Operations.Count(o => o == operation);

    /// <summary>
    /// Lets the first <paramref name="skip" /> requests of <paramref name="operation" /> through, then answers the next
    /// <paramref name="times" /> with <paramref name="fault" />.
    /// </summary>
    public FaultInjectingHandler Fail(string operation, int times, Fault fault, int skip = 0)
    {
        lock (_lock)
        {
            _faults[operation] = (skip, times, fault);
        }

        return this;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "";
        var operation = target[(target.LastIndexOf('.') + 1)..];
        Fault? fault = null;
        lock (_lock)
        {
            _operations.Add(operation);
            var seen = _seen[operation] = _seen.GetValueOrDefault(operation) + 1;
            if (_faults.TryGetValue(operation, out var rule) && seen > rule.Skip && seen <= rule.Skip + rule.Fail)
            {
                fault = rule.Fault;
            }
        }

        return fault is { } f ? Task.FromResult(Respond(request, f)) : base.SendAsync(request, cancellationToken);
    }

    // DynamoDB's JSON error shape: the SDK maps __type to its exception type and keeps the status code.
    private static HttpResponseMessage Respond(HttpRequestMessage request, Fault fault)
    {
        var (status, type, message) = fault switch
        {
            Fault.Throttling => (HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded."),
            _ => (HttpStatusCode.InternalServerError, "InternalServerError", "Internal server error"),
        };
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(
                $$"""{"__type":"com.amazonaws.dynamodb.v20120810#{{type}}","message":"{{message}}"}""",
                Encoding.UTF8,
                "application/x-amz-json-1.0"),
            RequestMessage = request,
        };
        response.Headers.Add("x-amzn-RequestId", "FAULT-INJECTED");
        return response;
    }
}
