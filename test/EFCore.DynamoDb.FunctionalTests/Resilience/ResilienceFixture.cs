using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>
/// 10 parcels of 150 KB in the shard "big" (1.5 MB: a Query reads them in more than one 1 MB page) and 4 small ones
/// in the shard "small"; and contexts whose requests go through a test's <see cref="FaultInjectingHandler" />.
/// </summary>
public sealed class ResilienceFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<ResilienceContext>(server)
{
    /// <summary>The number of large parcels.</summary>
    public const int LargeParcels = 10;

    /// <summary>The number of small parcels.</summary>
    public const int SmallParcels = 4;

    /// <summary>
    /// An SDK client of the server whose requests go through <paramref name="handler" />. The SDK's own retries, the
    /// first line against transient errors in production, are off, so the provider's execution strategy is what
    /// retries.
    /// </summary>
    public AmazonDynamoDBClient CreateClient(FaultInjectingHandler handler)
        => new(
            new BasicAWSCredentials("FunctionalTests", "FunctionalTests"),
            new AmazonDynamoDBConfig
            {
                ServiceURL = Server.ServiceUrl,
                AuthenticationRegion = "us-east-1",
                MaxErrorRetry = 0,
                HttpClientFactory = new FaultInjectingHttpClientFactory(handler),
            });

    /// <summary>
    /// A context on this fixture's tables that sends through <paramref name="client" />, with the given execution
    /// strategy (the provider's default when null).
    /// </summary>
    public ResilienceContext CreateContext(
        IAmazonDynamoDB client,
        Func<ExecutionStrategyDependencies, IExecutionStrategy>? executionStrategy = null,
        RequestLog? log = null,
        string? tableNamePrefix = null)
    {
        var builder = new DbContextOptionsBuilder<ResilienceContext>()
            .UseDynamoDb(
                client,
                d =>
                {
                    d.TableNamePrefix(tableNamePrefix ?? TableNamePrefix);
                    if (executionStrategy is not null)
                    {
                        d.ExecutionStrategy(executionStrategy);
                    }
                })
            .ForTests();
        log?.AttachTo(builder);
        return new ResilienceContext(builder.Options);
    }

    /// <inheritdoc />
    protected override async Task SeedAsync(ResilienceContext context)
    {
        // A transaction holds at most 4 MB: save a few large parcels at a time.
        foreach (var parcels in Enumerable.Range(1, LargeParcels).Select(seq => new Parcel { Shard = "big", Seq = seq, Payload = new string('p', 150_000), Weight = seq }).Chunk(5))
        {
            context.Parcels.AddRange(parcels);
            await context.SaveChangesAsync();
            context.ChangeTracker.Clear();
        }

        context.Parcels.AddRange(Enumerable.Range(1, SmallParcels).Select(seq => new Parcel { Shard = "small", Seq = seq, Payload = "small", Weight = seq * 10 }));
        await context.SaveChangesAsync();
    }
}
