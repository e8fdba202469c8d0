using System.Security.Claims;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        AssertNoScan();
    }

    [Fact]
    public async Task An_update_from_a_stale_copy_is_a_concurrency_failure()
    {
        await using var services = fixture.CreateServices();
        var user = new IdentityUser("carol");
        await InScopeAsync(services, async users => Assert.True((await users.CreateAsync(user)).Succeeded));

        // Two requests read the user; the first saves, the second saves its now stale copy (Identity's own test).
        using var first = services.CreateScope();
        using var second = services.CreateScope();
        var firstUsers = first.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var secondUsers = second.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var fresh = (await firstUsers.FindByIdAsync(user.Id))!;
        var stale = (await secondUsers.FindByIdAsync(user.Id))!;
        fresh.PhoneNumber = "1";
        stale.PhoneNumber = "2";

        Assert.True((await firstUsers.UpdateAsync(fresh)).Succeeded);
        var result = await secondUsers.UpdateAsync(stale);

        Assert.False(result.Succeeded);
        Assert.Equal(["ConcurrencyFailure"], result.Errors.Select(e => e.Code));
        var raw = (await fixture.GetRawItemAsync("AspNetUsers", ("Id", Attr.S(user.Id))))!;
        Assert.Equal("1", raw["PhoneNumber"].S);
        AssertNoScan();
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
        });

        // Identity declares no index on the claims' type and value, so this one operation scans the claims table (with
        // the scan warning); ClaimIndexTests shows the index that makes it a Query. Its own log keeps this run's clean.
        var claimLog = new RequestLog();
        await using (var claimServices = fixture.CreateServices(claimLog))
        {
            await InScopeAsync(claimServices, async users =>
                Assert.Equal([user.Id], (await users.GetUsersForClaimAsync(new Claim("team", "blue"))).Select(u => u.Id)));
        }

        Assert.Equal(["Scan", "BatchGetItem"], claimLog.Operations);
        Assert.Contains(claimLog.Requests[0].TableName, fixture.TableName("AspNetUserClaims"));
        Assert.NotEmpty(claimLog.MessagesOf(DynamoDbEventId.ScanQueryWarning));
        AssertNoScan();
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
        AssertNoScan();
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

    [Fact]
    public async Task Deleting_a_user_deletes_its_claims_logins_tokens_and_role_links_and_nothing_else()
    {
        await using var services = fixture.CreateServices();
        var user = new IdentityUser("hal");
        var other = new IdentityUser("ida");
        await InRoleScopeAsync(services, async roles => Assert.True((await roles.CreateAsync(new IdentityRole("Auditors"))).Succeeded));
        foreach (var u in new[] { user, other })
        {
            await InScopeAsync(services, async users =>
            {
                Assert.True((await users.CreateAsync(u, "Passw0rd!")).Succeeded);
                Assert.True((await users.AddClaimsAsync(u, [new Claim("team", "red"), new Claim("level", "1")])).Succeeded);
                Assert.True((await users.AddLoginAsync(u, new UserLoginInfo("github", u.UserName + "-gh", "GitHub"))).Succeeded);
                Assert.True((await users.SetAuthenticationTokenAsync(u, "github", "access", "t-" + u.UserName)).Succeeded);
                Assert.True((await users.AddToRoleAsync(u, "Auditors")).Succeeded);
            });
        }

        var before = fixture.Log.Requests.Count;
        await InScopeAsync(services, async users => Assert.True((await users.DeleteAsync((await users.FindByIdAsync(user.Id))!)).Succeeded));

        // FindById is a GetItem; the delete finds the claims, logins, tokens and role links with a Query each and
        // deletes them with the user and its user-name guard item in one transaction.
        Assert.Equal(["GetItem", "Query", "Query", "Query", "Query", "TransactWriteItems"], fixture.Log.Operations.Skip(before));
        Assert.DoesNotContain(await fixture.ScanRawAsync("AspNetUsers"), i => i["Id"].S == user.Id);
        foreach (var table in new[] { "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "AspNetUserRoles" })
        {
            var items = await fixture.ScanRawAsync(table);
            Assert.DoesNotContain(items, i => i["UserId"].S == user.Id);
            Assert.Contains(items, i => i["UserId"].S == other.Id);
        }

        Assert.DoesNotContain(await fixture.ScanRawAsync("EFUniqueIndexGuards"), i => i["guard"].S.Contains("HAL", StringComparison.Ordinal));
        Assert.Contains(await fixture.ScanRawAsync("EFUniqueIndexGuards"), i => i["guard"].S.Contains("IDA", StringComparison.Ordinal));
        await InScopeAsync(services, async users =>
        {
            Assert.Null(await users.FindByNameAsync("hal"));
            Assert.Null(await users.FindByLoginAsync("github", "hal-gh"));
            Assert.Equal([other.Id], (await users.GetUsersInRoleAsync("Auditors")).Select(u => u.Id));
        });
        AssertNoScan();
    }

    // The whole run so far (the tests of a class run one after another): the requests listed when one scanned.
    private void AssertNoScan()
        => Assert.False(
            fixture.Log.Operations.Contains("Scan"),
            string.Join(", ", fixture.Log.Requests.Select(r => r.Operation + " " + r.TableName + " " + r.IndexName)));

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
