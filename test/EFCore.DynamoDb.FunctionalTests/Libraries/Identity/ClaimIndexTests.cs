using System.Security.Claims;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Libraries.Identity;

/// <summary>
/// <c>GetUsersForClaimAsync</c> with an index on the claims' type and value (which Identity does not declare): a Query
/// of that index, then one BatchGetItem of the users — no Scan.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ClaimIndexTests(ClaimIndexedIdentityFixture fixture) : IClassFixture<ClaimIndexedIdentityFixture>
{
    [Fact]
    public async Task Users_for_a_claim_are_a_Query_of_the_claim_index_and_a_BatchGetItem()
    {
        await using var services = fixture.CreateServices();
        var users = new[] { new IdentityUser("kim"), new IdentityUser("lee"), new IdentityUser("max") };
        foreach (var user in users)
        {
            using var scope = services.CreateScope();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await manager.CreateAsync(user)).Succeeded);
            Assert.True((await manager.AddClaimAsync(user, new Claim("team", user.UserName == "lee" ? "green" : "blue"))).Succeeded);
        }

        var before = fixture.Log.Requests.Count;
        using (var scope = services.CreateScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var found = await manager.GetUsersForClaimAsync(new Claim("team", "blue"));

            Assert.Equal(["kim", "max"], found.Select(u => u.UserName).Order());
        }

        var requests = fixture.Log.Requests.Skip(before).ToList();
        Assert.Equal(["Query", "BatchGetItem"], requests.Select(r => r.Operation));
        Assert.Equal("IX_IdentityUserClaim_ClaimType_ClaimValue", requests[0].IndexName);
        Assert.DoesNotContain("Scan", fixture.Log.Operations);
    }
}
