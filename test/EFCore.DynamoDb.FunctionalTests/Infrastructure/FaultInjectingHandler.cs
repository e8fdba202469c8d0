using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>
/// An HTTP handler between a real <see cref="AmazonDynamoDBClient" /> and DynamoDB Local that fails calls the way
/// DynamoDB does under load, in two modes that combine: scripted (<see cref="Fail" />: the next calls of one
/// operation get one fault) and probabilistic (for each call of a targeted operation it draws, from a seeded random
/// sequence, whether to inject a fault and which of the configured ones). Throttling, server errors and transaction
/// conflicts are answered without forwarding; a partial BatchWriteItem forwards only some writes and answers the
/// others as UnprocessedItems; a lost response forwards the call and answers a server error once DynamoDB applied it.
/// Records every call and counts what it injected, so a test can assert the faults
/// really happened.
/// </summary>
public sealed class FaultInjectingHandler : DelegatingHandler
{
    private const string JsonMediaType = "application/x-amz-json-1.0";

    private readonly Lock _lock = new();
    private readonly Random _random;
    private readonly double _faultRate;
    private readonly InjectedFault[] _faults;
    private readonly Dictionary<InjectedFault, int> _injected = [];
    private readonly Dictionary<string, (int Skip, int Times, InjectedFault Fault)> _scripts = [];
    private readonly Dictionary<string, int> _calls = [];
    private readonly List<HandledRequest> _requests = [];
    private int _forwarded;
    private int _heldBackWrites;

    /// <summary>Forwards every call, except the ones <see cref="Fail" /> scripts.</summary>
    public FaultInjectingHandler()
        : this(0, 0)
    {
    }

    /// <summary>
    /// Injects one of <paramref name="faults" /> into a fraction <paramref name="faultRate" /> (0 to 1) of the calls
    /// of the targeted operations, drawn from a random sequence seeded with <paramref name="seed" />. A partial batch
    /// write is drawn only for BatchWriteItem, a transaction conflict only for TransactWriteItems.
    /// </summary>
    public FaultInjectingHandler(double faultRate, int seed, params InjectedFault[] faults)
        : base(new SocketsHttpHandler())
    {
        _faultRate = faultRate;
        _random = new Random(seed);
        _faults = faults;
    }

    /// <summary>Which operations ("BatchWriteItem", "PutItem"…) may get drawn faults; all of them by default.</summary>
    public Func<string, bool> Targets { get; init; } = _ => true;

    /// <summary>False to forward every call untouched, such as while a test seeds its data.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Every call the SDK made, failed or forwarded, in order.</summary>
    public IReadOnlyList<HandledRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>The operation ("PutItem", "Query"…) of every call the SDK made, in order.</summary>
    public IReadOnlyList<string> Operations => Requests.Select(r => r.Operation).ToList();

    /// <summary>The calls of one operation the SDK made, failed or forwarded.</summary>
    public int Count(string operation) => Requests.Count(r => r.Operation == operation);

    /// <summary>How many calls got each fault.</summary>
    public int Injected(InjectedFault fault)
    {
        lock (_lock)
        {
            return _injected.GetValueOrDefault(fault);
        }
    }

    /// <summary>How many calls got any fault.</summary>
    public int InjectedTotal
    {
        get
        {
            lock (_lock)
            {
                return _injected.Values.Sum();
            }
        }
    }

    /// <summary>How many calls reached DynamoDB (a partial BatchWriteItem that forwarded some writes included).</summary>
    public int Forwarded => Volatile.Read(ref _forwarded);

    /// <summary>How many writes partial BatchWriteItem calls answered as UnprocessedItems.</summary>
    public int HeldBackWrites => Volatile.Read(ref _heldBackWrites);

    /// <summary>
    /// Lets the first <paramref name="skip" /> calls of <paramref name="operation" /> through, then answers the next
    /// <paramref name="times" /> with <paramref name="fault" />; replaces that operation's earlier script.
    /// </summary>
    public FaultInjectingHandler Fail(string operation, int times, InjectedFault fault, int skip = 0)
    {
        lock (_lock)
        {
            _scripts[operation] = (skip, times, fault);
            _calls.Remove(operation);
        }

        return this;
    }

    /// <summary>
    /// A client of <paramref name="serviceUrl" /> whose calls go through this handler, with the SDK's own retries,
    /// or at most <paramref name="maxErrorRetry" /> of them (0 to prove that the provider retries by itself).
    /// </summary>
    public AmazonDynamoDBClient CreateClient(string serviceUrl, int? maxErrorRetry = null)
    {
        var config = new AmazonDynamoDBConfig
        {
            ServiceURL = serviceUrl,
            AuthenticationRegion = "us-east-1",
            HttpClientFactory = new FaultInjectingHttpClientFactory(this),
        };
        if (maxErrorRetry is { } retries)
        {
            config.MaxErrorRetry = retries;
        }

        return new AmazonDynamoDBClient(new BasicAWSCredentials("FunctionalTests", "FunctionalTests"), config);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "";
        var operation = target[(target.LastIndexOf('.') + 1)..];
        var transaction = operation == "TransactWriteItems"
            ? JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!
            : null;
        var fault = Decide(operation, transaction?["ClientRequestToken"]?.GetValue<string>());
        if (fault is null)
        {
            Interlocked.Increment(ref _forwarded);
            return await base.SendAsync(request, cancellationToken);
        }

        if (fault == InjectedFault.LostResponse)
        {
            Interlocked.Increment(ref _forwarded);
            using var applied = await base.SendAsync(request, cancellationToken);
            return Error(request, HttpStatusCode.InternalServerError, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error");
        }

        return fault switch
        {
            InjectedFault.Throttling => Error(request, HttpStatusCode.BadRequest, "com.amazon.coral.availability#ThrottlingException", "Rate of requests exceeds the allowed throughput."),
            InjectedFault.ProvisionedThroughputExceeded => Error(
                request,
                HttpStatusCode.BadRequest,
                "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."),
            InjectedFault.RequestLimitExceeded => Error(
                request,
                HttpStatusCode.BadRequest,
                "com.amazonaws.dynamodb.v20120810#RequestLimitExceeded",
                "Throughput exceeds the current throughput limit for your account. Please contact AWS Support at https://aws.amazon.com/support request a limit increase"),
            InjectedFault.InternalServerError => Error(request, HttpStatusCode.InternalServerError, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error"),
            InjectedFault.TransactionConflict => TransactionConflict(request, transaction?["TransactItems"]?.AsArray().Count ?? 1),
            _ => await PartialBatchWriteAsync(request, cancellationToken),
        };
    }

    // The call's fault, scripted or drawn, or null to forward it; records the call.
    private InjectedFault? Decide(string operation, string? clientRequestToken)
    {
        lock (_lock)
        {
            var fault = Enabled ? Scripted(operation) ?? Draw(operation) : null;
            if (fault is { } injected)
            {
                _injected[injected] = _injected.GetValueOrDefault(injected) + 1;
            }

            _requests.Add(new HandledRequest(operation, fault, clientRequestToken));
            return fault;
        }
    }

    private InjectedFault? Scripted(string operation)
    {
        if (!_scripts.TryGetValue(operation, out var script))
        {
            return null;
        }

        var call = _calls[operation] = _calls.GetValueOrDefault(operation) + 1;
        return call > script.Skip && call <= script.Skip + script.Times ? script.Fault : null;
    }

    private InjectedFault? Draw(string operation)
    {
        if (!Targets(operation))
        {
            return null;
        }

        var applicable = _faults.Where(f => f switch
            {
                InjectedFault.PartialBatchWrite => operation == "BatchWriteItem",
                InjectedFault.TransactionConflict => operation == "TransactWriteItems",
                _ => true,
            })
            .ToArray();
        return applicable.Length == 0 || _random.NextDouble() >= _faultRate ? null : applicable[_random.Next(applicable.Length)];
    }

    // Holds back a random, non-empty part of the writes: when that is all of them, nothing is forwarded.
    private async Task<HttpResponseMessage> PartialBatchWriteAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
        var writes = body["RequestItems"]!.AsObject()
            .SelectMany(table => table.Value!.AsArray().Select(write => (Table: table.Key, Write: write!.DeepClone())))
            .ToList();
        int heldBackCount;
        lock (_lock)
        {
            heldBackCount = _random.Next(1, writes.Count + 1);
        }

        Interlocked.Add(ref _heldBackWrites, heldBackCount);
        var heldBack = writes[..heldBackCount];
        var forwarded = writes[heldBackCount..];

        JsonObject responseBody;
        if (forwarded.Count == 0)
        {
            responseBody = new JsonObject();
        }
        else
        {
            body["RequestItems"] = Group(forwarded);
            request.Content = Json(body.ToJsonString());
            Interlocked.Increment(ref _forwarded);
            var response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                responseBody = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            }
        }

        var unprocessed = responseBody["UnprocessedItems"] as JsonObject ?? [];
        foreach (var (table, write) in heldBack)
        {
            if (unprocessed[table] is not JsonArray tableWrites)
            {
                unprocessed[table] = tableWrites = [];
            }

            tableWrites.Add(write);
        }

        responseBody["UnprocessedItems"] = unprocessed.DeepClone();
        return Answer(request, HttpStatusCode.OK, responseBody.ToJsonString());
    }

    private static JsonObject Group(IEnumerable<(string Table, JsonNode Write)> writes)
    {
        var requestItems = new JsonObject();
        foreach (var (table, write) in writes)
        {
            if (requestItems[table] is not JsonArray tableWrites)
            {
                requestItems[table] = tableWrites = [];
            }

            tableWrites.Add(write);
        }

        return requestItems;
    }

    private static HttpResponseMessage Error(HttpRequestMessage request, HttpStatusCode status, string type, string message)
        => Answer(request, status, new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString());

    // DynamoDB gives one reason per action, in the request's order: the conflicting one, and None for the others.
    private static HttpResponseMessage TransactionConflict(HttpRequestMessage request, int actions)
    {
        var codes = Enumerable.Range(0, actions).Select(i => i == 0 ? "TransactionConflict" : "None").ToList();
        var reasons = new JsonArray(codes
            .Select(code => (JsonNode)(code == "None"
                ? new JsonObject { ["Code"] = code }
                : new JsonObject { ["Code"] = code, ["Message"] = "Transaction is ongoing for the item" }))
            .ToArray());
        return Answer(
            request,
            HttpStatusCode.BadRequest,
            new JsonObject
            {
                ["__type"] = "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                ["Message"] = "Transaction cancelled, please refer cancellation reasons for specific reasons [" + string.Join(", ", codes) + "]",
                ["CancellationReasons"] = reasons,
            }.ToJsonString());
    }

    // No x-amz-crc32 header: the SDK checks it against the body when present, and this body is not DynamoDB's.
    private static HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode status, string json)
    {
        var response = new HttpResponseMessage(status) { Content = Json(json), RequestMessage = request };
        response.Headers.Add("x-amzn-RequestId", "FAULT-" + Guid.NewGuid().ToString("N"));
        return response;
    }

    private static StringContent Json(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(JsonMediaType);
        return content;
    }
}
