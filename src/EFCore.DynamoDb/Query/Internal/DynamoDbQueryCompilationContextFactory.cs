using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Creates a <see cref="DynamoDbQueryCompilationContext" /> per query compilation.</summary>
public class DynamoDbQueryCompilationContextFactory(QueryCompilationContextDependencies dependencies) : IQueryCompilationContextFactory
{
    /// <inheritdoc />
    public virtual QueryCompilationContext Create(bool async) => new DynamoDbQueryCompilationContext(dependencies, async);

    /// <inheritdoc />
    public virtual QueryCompilationContext CreatePrecompiled(bool async)
        => throw new InvalidOperationException("The DynamoDB provider does not support precompiled queries.");
}
