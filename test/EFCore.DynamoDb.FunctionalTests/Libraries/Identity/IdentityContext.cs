using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Libraries.Identity;

/// <summary>
/// ASP.NET Core Identity's own context, as an application declares it, plus the one line that makes its EF indexes
/// (the user-name, email and role-name indexes and the foreign-key ones) global secondary indexes.
/// </summary>
public class IdentityContext(DbContextOptions options) : IdentityDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapIndexesToGlobalSecondaryIndexes();
    }
}

/// <summary>
/// The same, plus an index on the claims' type and value: Identity declares none, so without it
/// <c>GetUsersForClaimAsync</c> has to Scan the claims table.
/// </summary>
public class ClaimIndexedIdentityContext(DbContextOptions options) : IdentityContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<IdentityUserClaim<string>>().HasIndex(c => new { c.ClaimType, c.ClaimValue });
        base.OnModelCreating(builder);
    }
}
