using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>
/// A test class's own tables on the shared server: a table name prefix unique to the fixture, the model's tables
/// created once (EnsureCreatedAsync) and seeded, and deleted again when the class is done.
/// </summary>
public abstract class DynamoDbContextFixture<TContext> : IAsyncLifetime
    where TContext : DbContext
{
    /// <summary>Creates the fixture on the shared server.</summary>
    protected DynamoDbContextFixture(DynamoDbServerFixture server)
    {
        Server = server;
        TableNamePrefix = NewTableNamePrefix();
    }

    /// <summary>The shared server.</summary>
    public DynamoDbServerFixture Server { get; }

    /// <summary>The prefix of every table of this fixture, such as <c>ft3fa9c1e2-</c>.</summary>
    public string TableNamePrefix { get; }

    /// <summary>The suffix of every table of this fixture (none unless a fixture says otherwise).</summary>
    public virtual string TableNameSuffix => "";

    /// <summary>A client that bypasses the provider.</summary>
    public IAmazonDynamoDB RawClient => Server.RawClient;

    /// <summary>A table name prefix no other fixture or test uses.</summary>
    public static string NewTableNamePrefix() => "ft" + Guid.NewGuid().ToString("N")[..10] + "-";

    /// <summary>The full name of one of the model's tables.</summary>
    public string TableName(string modelTableName) => TableNamePrefix + modelTableName + TableNameSuffix;

    /// <summary>
    /// A new context on this fixture's tables, optionally recording into <paramref name="log" /> and with more
    /// options (warnings, sensitive data logging…).
    /// </summary>
    public TContext CreateContext(RequestLog? log = null, Action<DbContextOptionsBuilder>? configure = null)
    {
        var builder = new DbContextOptionsBuilder<TContext>()
            .UseDynamoDb(d => d.ServiceUrl(Server.ServiceUrl).TableNamePrefix(TableNamePrefix).TableNameSuffix(TableNameSuffix));
        configure?.Invoke(builder);
        return Create(builder, log);
    }

    /// <summary>
    /// A new context that sends through <paramref name="client" />, such as one whose calls go through a
    /// <see cref="FaultInjectingHandler" />: on this fixture's tables, or on the tables of
    /// <paramref name="tableNamePrefix" />; with <paramref name="executionStrategy" /> (the provider's default when
    /// null), optionally recording into <paramref name="log" /> and with more provider options.
    /// </summary>
    public TContext CreateContext(
        IAmazonDynamoDB client,
        Func<ExecutionStrategyDependencies, IExecutionStrategy>? executionStrategy = null,
        RequestLog? log = null,
        string? tableNamePrefix = null,
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDb = null)
        => Create(
            new DbContextOptionsBuilder<TContext>().UseDynamoDb(
                client,
                d =>
                {
                    d.TableNamePrefix(tableNamePrefix ?? TableNamePrefix).TableNameSuffix(TableNameSuffix);
                    if (executionStrategy is not null)
                    {
                        d.ExecutionStrategy(executionStrategy);
                    }

                    dynamoDb?.Invoke(d);
                }),
            log);

    private static TContext Create(DbContextOptionsBuilder<TContext> builder, RequestLog? log)
    {
        builder.ForTests();
        log?.AttachTo(builder);
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }

    /// <summary>Every item of one of the model's tables, read with the raw SDK (strongly consistent).</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> ScanRawAsync(string modelTableName)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await RawClient.ScanAsync(new ScanRequest
            {
                TableName = TableName(modelTableName),
                ConsistentRead = true,
                ExclusiveStartKey = startKey,
            });
            items.AddRange(response.Items ?? []);
            startKey = response.LastEvaluatedKey is { Count: > 0 } lastKey ? lastKey : null;
        }
        while (startKey is not null);

        return items;
    }

    /// <summary>Reads an item with the raw SDK (strongly consistent), or null when it does not exist.</summary>
    public async Task<Dictionary<string, AttributeValue>?> GetRawItemAsync(string modelTableName, params (string Name, AttributeValue Value)[] key)
    {
        var response = await RawClient.GetItemAsync(new GetItemRequest
        {
            TableName = TableName(modelTableName),
            Key = key.ToDictionary(k => k.Name, k => k.Value),
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
        await SeedAsync(context);
    }

    /// <summary>Writes the fixture's data, if it has any.</summary>
    protected virtual Task SeedAsync(TContext context) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }
}
