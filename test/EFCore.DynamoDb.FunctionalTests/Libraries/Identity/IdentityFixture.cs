using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Libraries.Identity;

/// <summary>
/// Identity's tables on the shared server, and its services registered the standard way
/// (<c>AddIdentityCore&lt;IdentityUser&gt;().AddRoles&lt;IdentityRole&gt;().AddEntityFrameworkStores</c>) over this
/// provider, every request recorded in <see cref="Log" />.
/// </summary>
public abstract class IdentityFixtureBase<TContext>(DynamoDbServerFixture server) : DynamoDbContextFixture<TContext>(server)
    where TContext : IdentityContext
{
    /// <summary>Every request the services' contexts send (unless they were given a log of their own).</summary>
    public RequestLog Log { get; } = new();

    /// <summary>Identity's services on this fixture's tables, recording into <paramref name="log" /> or <see cref="Log" />.</summary>
    public ServiceProvider CreateServices(RequestLog? log = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<TContext>(options =>
        {
            options.UseDynamoDb(d => d.ServiceUrl(Server.ServiceUrl).TableNamePrefix(TableNamePrefix)).ForTests();
            (log ?? Log).AttachTo(options);
        });
        services.AddIdentityCore<IdentityUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TContext>();
        return services.BuildServiceProvider();
    }
}

/// <summary>Identity as shipped, with <c>MapIndexesToGlobalSecondaryIndexes()</c>.</summary>
public sealed class IdentityFixture(DynamoDbServerFixture server) : IdentityFixtureBase<IdentityContext>(server);

/// <summary>Identity with an index on the claims' type and value.</summary>
public sealed class ClaimIndexedIdentityFixture(DynamoDbServerFixture server) : IdentityFixtureBase<ClaimIndexedIdentityContext>(server);
