using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>A Guid-keyed and an int-keyed table, by convention only.</summary>
public class ValueGenerationContext(DbContextOptions<ValueGenerationContext> options) : DbContext(options)
{
    public DbSet<Device> Devices => Set<Device>();

    public DbSet<Slot> Slots => Set<Slot>();
}
