using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>
/// A context whose model is built by a delegate; <see cref="ScenarioModelCacheKeyFactory" /> keys the cached model
/// by <see cref="Scenario" />, so every scenario gets its own model on the shared internal service provider.
/// </summary>
public class ScenarioContext(DbContextOptions options, string scenario, Action<ModelBuilder> buildModel) : DbContext(options)
{
    /// <summary>The key of this scenario's model.</summary>
    public string Scenario { get; } = scenario;

    protected override void OnModelCreating(ModelBuilder modelBuilder) => buildModel(modelBuilder);
}
