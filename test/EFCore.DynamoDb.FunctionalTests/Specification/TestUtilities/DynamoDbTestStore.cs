using System.Threading;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;

/// <summary>
/// A store of EF Core's specification tests: a set of tables on the test run's one DynamoDB Local server, told apart
/// from every other store by a table name prefix. A shared store (<see cref="GetOrCreate" />) is created and seeded
/// once per test run, however many fixtures use it; a store from <see cref="Create" /> belongs to one test.
/// </summary>
public sealed class DynamoDbTestStore : TestStore
{
    // Tables of an earlier run against a DYNAMODB_ENDPOINT server never collide with this run's.
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static int _lastNonSharedId;

    private DynamoDbTestStore(string name, bool shared)
        : base(name, shared)
        => TableNamePrefix = shared
            ? $"spec{RunId}-{name}-"
            : $"spec{RunId}-{name}{Interlocked.Increment(ref _lastNonSharedId)}-";

    /// <summary>The prefix of every table of this store.</summary>
    public string TableNamePrefix { get; }

    /// <summary>The endpoint of the shared server (started by the first store that needs it).</summary>
    public static string ServiceUrl
        => DynamoDbServerFixture.GetSharedServerAsync().GetAwaiter().GetResult().ServiceUrl.ToString();

    /// <summary>The store that every fixture naming <paramref name="name" /> shares, created and seeded once.</summary>
    public static DynamoDbTestStore GetOrCreate(string name) => new(name, shared: true);

    /// <summary>A store of one test's own, on tables no other store uses.</summary>
    public static DynamoDbTestStore Create(string name) => new(name, shared: false);

    /// <inheritdoc />
    public override async Task<TestStore> InitializeAsync(
        IServiceProvider? serviceProvider,
        Func<DbContext>? createContext,
        Func<DbContext, Task>? seed = null,
        Func<DbContext, Task>? clean = null)
    {
        // Start the server (once) without blocking a test thread on it.
        await DynamoDbServerFixture.GetSharedServerAsync();
        return await base.InitializeAsync(serviceProvider, createContext, seed, clean);
    }

    /// <inheritdoc />
    public override DbContextOptionsBuilder AddProviderOptions(DbContextOptionsBuilder builder)
        => builder.UseDynamoDb(d => d.ServiceUrl(ServiceUrl).TableNamePrefix(TableNamePrefix));

    /// <inheritdoc />
    protected override async Task InitializeAsync(
        Func<DbContext> createContext,
        Func<DbContext, Task>? seed,
        Func<DbContext, Task>? clean)
    {
        await using var context = createContext();
        if (clean is not null)
        {
            await clean(context);
        }

        await CleanAsync(context);
        await context.Database.EnsureCreatedAsync();

        if (seed is not null)
        {
            // The suite seeds thousands of entities in one SaveChanges; one DynamoDB transaction holds 100.
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            await seed(context);
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
        }
    }

    /// <summary>Deletes the tables of <paramref name="context" />'s model, so that the next EnsureCreated starts empty.</summary>
    public override Task CleanAsync(DbContext context) => context.Database.EnsureDeletedAsync();

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        // A shared store may still be used by another fixture; a test's own store is dropped.
        if (!Shared)
        {
            await using var context = CreateDefaultContext();
            await context.Database.EnsureDeletedAsync();
        }
    }
}
