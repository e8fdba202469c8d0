using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Operating;

/// <summary>The model of the connection, configuration and telemetry tests.</summary>
public class OperatingContext(DbContextOptions<OperatingContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
}
