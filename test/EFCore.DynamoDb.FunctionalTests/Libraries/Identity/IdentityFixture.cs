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
public sealed class IdentityFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<IdentityContext>(server)
{
    /// <summary>Every request the services' contexts send.</summary>
    public RequestLog Log { get; } = new();

    /// <summary>Identity's services on this fixture's tables.</summary>
    public ServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<IdentityContext>(options =>
        {
            options.UseDynamoDb(d => d.ServiceUrl(Server.ServiceUrl).TableNamePrefix(TableNamePrefix)).ForTests();
            Log.AttachTo(options);
        });
        services.AddIdentityCore<IdentityUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityContext>();
        return services.BuildServiceProvider();
    }
}
