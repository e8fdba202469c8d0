using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using EFCore.DynamoDb.Tests.TestModels;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Caching.Memory;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>Creates contexts that point at an endpoint where nothing listens: nothing is ever sent.</summary>
public static class TestContexts
{
    /// <summary>Nothing listens on port 1 of the loopback address: a request sent there would fail, not hang.</summary>
    public const string UnreachableServiceUrl = "http://127.0.0.1:1";

    /// <summary>
    /// The options of a context against <see cref="UnreachableServiceUrl" />, with sensitive data logging so that
    /// <c>ToQueryString</c> shows the values it would send (unless <paramref name="sensitiveDataLogging" /> is false).
    /// </summary>
    public static DbContextOptionsBuilder<TContext> Options<TContext>(
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDb = null,
        Action<DbContextOptionsBuilder>? configure = null,
        bool sensitiveDataLogging = true)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>()
            .UseDynamoDb(d =>
            {
                d.ServiceUrl(UnreachableServiceUrl);
                dynamoDb?.Invoke(d);
            })
            .EnableSensitiveDataLogging(sensitiveDataLogging)
            // The suite builds contexts with many option shapes, each an internal service provider of its own; EF
            // throws on the 21st, which guards applications, not a test suite.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
        builder.ReplaceService<IModelCacheKeyFactory, ScenarioModelCacheKeyFactory>();
        configure?.Invoke(builder);
        return builder;
    }

    /// <summary>
    /// A context whose model is built by <paramref name="buildModel" />, cached under the calling test's name (or
    /// <paramref name="scenario" /> when given).
    /// </summary>
    public static ScenarioContext Scenario(
        Action<ModelBuilder> buildModel,
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDb = null,
        Action<DbContextOptionsBuilder>? configure = null,
        string? scenario = null,
        [CallerFilePath] string callerFile = "",
        [CallerMemberName] string callerMember = "")
        => new(Options<ScenarioContext>(dynamoDb, configure).Options, scenario ?? callerFile + "#" + callerMember, buildModel);

    // EF's compiled-query cache is shared by every context of the suite and evicts entries when it grows large; the
    // tests that count compilations share a cache of their own (one cache: each one is another internal service
    // provider, of which EF allows 20), so no other test can make them compile twice.
    private static readonly MemoryCache CompilationCountingCache = new(new MemoryCacheOptions());

    /// <summary>Gives the context the query cache of the tests that count compilations.</summary>
    public static void UseCompilationCountingCache(DbContextOptionsBuilder options) => options.UseMemoryCache(CompilationCountingCache);

    /// <summary>The shop context of most request tests.</summary>
    public static ShopContext Shop(
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDb = null,
        Action<DbContextOptionsBuilder>? configure = null,
        bool sensitiveDataLogging = true)
        => new(Options<ShopContext>(dynamoDb, configure, sensitiveDataLogging).Options);
}
