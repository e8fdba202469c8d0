using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>Caches one model per context type and scenario.</summary>
public sealed class ScenarioModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime)
        => context is ScenarioContext scenarioContext
            ? (context.GetType(), scenarioContext.Scenario, designTime)
            : (context.GetType(), designTime);
}
