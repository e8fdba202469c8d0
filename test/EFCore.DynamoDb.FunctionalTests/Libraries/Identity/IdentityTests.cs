using System.Security.Claims;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Libraries.Identity;

/// <summary>
/// ASP.NET Core Identity, as shipped, on this provider against DynamoDB Local: UserManager and RoleManager over
/// <c>IdentityDbContext</c>, with no code beyond the standard registration and the provider's configuration. With
/// <c>MapIndexesToGlobalSecondaryIndexes()</c>, no operation scans a table.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class IdentityTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task A_user_is_created_and_found_by_name_email_and_id_and_its_password_checks()
    {
        await using var services = fixture.CreateServices();
        var user = new IdentityUser("ada") { Email = "ada@example.com" };

        await InScopeAsync(services, async users => Assert.True((await users.CreateAsync(user, "Passw0rd!")).Succeeded));

        await InScopeAsync(services, async users =>
        {
            Assert.Equal(user.Id, (await users.FindByNameAsync("ADA"))!.Id);
            Assert.Equal(user.Id, (await users.FindByEmailAsync("Ada@Example.com"))!.Id);
            var found = (await users.FindByIdAsync(user.Id))!;
            Assert.True(await users.CheckPasswordAsync(found, "Passw0rd!"));
            Assert.False(await users.CheckPasswordAsync(found, "wrong"));
        });
        AssertNoScan();
    }

    [Fact]
    public async Task A_second_user_with_the_same_name_is_rejected()
    {
        await using var services = fixture.CreateServices();
        await InScopeAsync(services, async users => Assert.True((await users.CreateAsync(new IdentityUser("brian"))).Succeeded));

        await InScopeAsync(services, async users =>
        {
            var result = await users.CreateAsync(new IdentityUser("Brian"));
            Assert.False(result.Succeeded);
            Assert.Equal(["DuplicateUserName"], result.Errors.Select(e => e.Code));
        });
        AssertNoScan();
    }

    [Fact]
    public async Task Of_two_concurrent_creates_of_one_name_exactly_one_wins()
    {
        await using var services = fixture.CreateServices();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var scope = services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            try
            {
                return (await users.CreateAsync(new IdentityUser("concurrent"))).Succeeded;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        })));

        Assert.Equal(1, attempts.Count(succeeded => succeeded));
        await using var context = fixture.CreateContext();
        Assert.Equal(1, await context.Users.CountAsync(u => u.NormalizedUserName == "CONCURRENT"));
    }

    [Fact]
    public async Task An_update_from_a_stale_copy_is_a_concurrency_failure()
    {
        await using var services = fixture.CreateServices();
        var user = new IdentityUser("carol");
        await InScopeAsync(services, async users => Assert.True((await users.CreateAsync(user)).Succeeded));

        IdentityUser stale = null!;
        await InScopeAsync(services, async users => stale = (await users.FindByIdAsync(user.Id))!);
        await InScopeAsync(services, async users =>
        {
            var fresh = (await users.FindByIdAsync(user.Id))!;
            fresh.PhoneNumber = "1";
            Assert.True((await users.UpdateAsync(fresh)).Succeeded);
        });

        await InScopeAsync(services, async users =>
        {
            stale.PhoneNumber = "2";
            var result = await users.UpdateAsync(stale);
            Assert.False(result.Succeeded);
            Assert.Equal(["ConcurrencyFailure"], result.Errors.Select(e => e.Code));
        });
    }

    [Fact]
    public async Task Claims_are_added_read_and_found_by_value()
    {
        await using var services = fixture.CreateServices();
        var user = new IdentityUser("dana");
        await InScopeAsync(services, async users =>
        {
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddClaimsAsync(user, [new Claim("team", "blue"), new Claim("level", "3")])).Succeeded);
            Assert.True((await users.AddClaimAsync(user, new Claim("badge", "gold"))).Succeeded);
        });

        await InScopeAsync(services, async users =>
        {
            var found = (await users.FindByIdAsync(user.Id))!;
            Assert.Equal(["badge=gold", "level=3", "team=blue"], (await users.GetClaimsAsync(found)).Select(c => c.Type + "=" + c.Value).Order());
            Assert.Equal([user.Id], (await users.GetUsersForClaimAsync(new Claim("team", "blue"))).Select(u => u.Id));
        });
    }

    [Fact]
    public async Task Logins_are_added_found_and_listed()
    {
        await using var services = fixture.CreateServices();
        var user = new IdentityUser("erin");
        await InScopeAsync(services, async users =>
        {
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddLoginAsync(user, new UserLoginInfo("github", "erin-gh", "GitHub"))).Succeeded);
        });

        await InScopeAsync(services, async users =>
        {
            Assert.Equal(user.Id, (await users.FindByLoginAsync("github", "erin-gh"))!.Id);
            var found = (await users.FindByIdAsync(user.Id))!;
            Assert.Equal(["github/erin-gh"], (await users.GetLoginsAsync(found)).Select(l => l.LoginProvider + "/" + l.ProviderKey));
        });
        AssertNoScan();
    }

    [Fact]
    public async Task Roles_are_created_assigned_listed_and_removed()
    {
        await using var services = fixture.CreateServices();
        var user = new IdentityUser("frank");
        await InRoleScopeAsync(services, async roles => Assert.True((await roles.CreateAsync(new IdentityRole("Editors"))).Succeeded));
        await InScopeAsync(services, async users =>
        {
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "Editors")).Succeeded);
        });

        await InScopeAsync(services, async users =>
        {
            var found = (await users.FindByIdAsync(user.Id))!;
            Assert.True(await users.IsInRoleAsync(found, "Editors"));
            Assert.Equal(["Editors"], await users.GetRolesAsync(found));
            Assert.Equal([user.Id], (await users.GetUsersInRoleAsync("Editors")).Select(u => u.Id));
            Assert.True((await users.RemoveFromRoleAsync(found, "Editors")).Succeeded);
        });

        await InScopeAsync(services, async users => Assert.False(await users.IsInRoleAsync((await users.FindByIdAsync(user.Id))!, "Editors")));
    }

    [Fact]
    public async Task Authentication_tokens_are_set_read_and_removed()
    {
        await using var services = fixture.CreateServices();
        var user = new IdentityUser("gina");
        await InScopeAsync(services, async users =>
        {
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.SetAuthenticationTokenAsync(user, "github", "access", "t-1")).Succeeded);
            Assert.True((await users.SetAuthenticationTokenAsync(user, "github", "refresh", "t-2")).Succeeded);
        });

        await InScopeAsync(services, async users =>
        {
            var found = (await users.FindByIdAsync(user.Id))!;
            Assert.Equal("t-1", await users.GetAuthenticationTokenAsync(found, "github", "access"));
            Assert.True((await users.RemoveAuthenticationTokenAsync(found, "github", "access")).Succeeded);
        });

        await InScopeAsync(services, async users =>
        {
            var found = (await users.FindByIdAsync(user.Id))!;
            Assert.Null(await users.GetAuthenticationTokenAsync(found, "github", "access"));
            Assert.Equal("t-2", await users.GetAuthenticationTokenAsync(found, "github", "refresh"));
        });
        AssertNoScan();
    }

    private void AssertNoScan() => Assert.DoesNotContain("Scan", fixture.Log.Operations);

    private static async Task InScopeAsync(IServiceProvider services, Func<UserManager<IdentityUser>, Task> action)
    {
        using var scope = services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>());
    }

    private static async Task InRoleScopeAsync(IServiceProvider services, Func<RoleManager<IdentityRole>, Task> action)
    {
        using var scope = services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
    }
}
