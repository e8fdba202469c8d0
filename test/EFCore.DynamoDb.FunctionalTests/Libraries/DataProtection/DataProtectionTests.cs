using Microsoft.EntityFrameworkCore.Diagnostics;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Libraries.DataProtection;

/// <summary>
/// ASP.NET Core Data Protection, as shipped, persisting its key ring with <c>PersistKeysToDbContext</c> on this
/// provider: the standard registration plus provider options. The library calls synchronous EF methods only
/// (<c>ToList</c>, <c>SaveChanges</c>), so the provider's <c>SyncNotSupported</c> error is turned into a log entry.
/// Each key is an entity with an <c>int</c> key that EF's convention generates: from the key counter.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class DataProtectionTests(DataProtectionFixture fixture) : IClassFixture<DataProtectionFixture>
{
    [Fact]
    public async Task Keys_are_created_rotated_and_read_back_after_a_restart()
    {
        string payload;
        using (var services = CreateServices())
        {
            var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests");
            payload = protector.Protect("the first secret");
            Assert.Equal("the first secret", protector.Unprotect(payload));

            // Rotation: two more keys, the last one becoming the default key.
            var keyManager = services.GetRequiredService<IKeyManager>();
            keyManager.CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(90));
            keyManager.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
            Assert.Equal(3, keyManager.GetAllKeys().Count);
        }

        // The key items, with the ids 1, 2 and 3 from the key counter (one reservation of a block of 10).
        var items = await fixture.ScanRawAsync("DataProtectionKeys");
        Assert.Equal(["N:1", "N:2", "N:3"], items.Select(i => AttributeValueText.Of(i["Id"])).Order());
        Assert.All(items, i => Assert.StartsWith("<key id=", i["Xml"].S));
        var counter = (await fixture.ScanRawAsync("EFKeyCounters")).Single();
        Assert.Equal("DataProtectionKeys#Id", counter["Name"].S);
        Assert.Equal("10", counter["Value"].N);

        // A restart: a new service provider reads the key ring back from DynamoDB and unprotects the old payload.
        using (var restarted = CreateServices())
        {
            Assert.Equal(3, restarted.GetRequiredService<IKeyManager>().GetAllKeys().Count);
            var protector = restarted.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests");
            Assert.Equal("the first secret", protector.Unprotect(payload));
            Assert.Equal("the second secret", protector.Unprotect(protector.Protect("the second secret")));
        }
    }

    private ServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        services.AddDbContext<DataProtectionContext>(options => options
            .UseDynamoDb(d => d.ServiceUrl(fixture.Server.ServiceUrl).TableNamePrefix(fixture.TableNamePrefix))
            .ConfigureWarnings(w => w.Log(DynamoDbEventId.SyncNotSupported))
            .ForTests());
        services.AddDataProtection()
            .SetApplicationName("EFCore.DynamoDb tests")
            .PersistKeysToDbContext<DataProtectionContext>();
        return services.BuildServiceProvider();
    }
}
