using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Libraries.Identity;

/// <summary>
/// ASP.NET Core Identity's own context, as an application declares it, plus the one line that makes its EF indexes
/// (the user-name, email and role-name indexes and the foreign-key ones) global secondary indexes.
/// </summary>
public class IdentityContext(DbContextOptions<IdentityContext> options) : IdentityDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapIndexesToGlobalSecondaryIndexes();
    }
}
