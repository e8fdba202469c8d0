using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Libraries.DataProtection;

/// <summary>The context ASP.NET Core Data Protection's documentation shows: nothing but its keys' DbSet.</summary>
public class DataProtectionContext(DbContextOptions<DataProtectionContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
