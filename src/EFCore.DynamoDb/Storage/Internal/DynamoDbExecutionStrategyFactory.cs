using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Creates the context's execution strategies: the one configured with <c>UseDynamoDb(o =&gt; o.ExecutionStrategy(…))</c>,
/// else a <see cref="DynamoDbExecutionStrategy" />. Every call creates a new strategy, since a strategy keeps the
/// state of the one operation it runs.
/// </summary>
public class DynamoDbExecutionStrategyFactory : IExecutionStrategyFactory
{
    private readonly Func<ExecutionStrategyDependencies, IExecutionStrategy> _createExecutionStrategy;

    /// <summary>Creates the factory from this context's options.</summary>
    public DynamoDbExecutionStrategyFactory(ExecutionStrategyDependencies dependencies)
    {
        Dependencies = dependencies;

        // Read from this context's own options, not the singleton options: contexts that differ only in their
        // strategy share one internal service provider.
        _createExecutionStrategy = dependencies.Options.FindExtension<DynamoDbOptionsExtension>()?.ExecutionStrategyFactory
            ?? CreateDefaultStrategy;
    }

    /// <summary>The dependencies every strategy is created with.</summary>
    protected virtual ExecutionStrategyDependencies Dependencies { get; }

    /// <summary>Creates the strategy used when none is configured.</summary>
    protected virtual IExecutionStrategy CreateDefaultStrategy(ExecutionStrategyDependencies dependencies)
        => new DynamoDbExecutionStrategy(dependencies);

    /// <inheritdoc />
    public virtual IExecutionStrategy Create() => _createExecutionStrategy(Dependencies);
}
