using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// DynamoDB has no client-controlled transactions: <c>BeginTransaction</c> explains that each SaveChanges is
/// already atomic instead of pretending to open one.
/// </summary>
public class DynamoDbTransactionManager : IDbContextTransactionManager
{
    /// <inheritdoc />
    public virtual IDbContextTransaction? CurrentTransaction => null;

    /// <inheritdoc />
    public virtual IDbContextTransaction BeginTransaction() => throw new NotSupportedException(DynamoDbStrings.TransactionsNotSupported);

    /// <inheritdoc />
    public virtual Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
        => throw new NotSupportedException(DynamoDbStrings.TransactionsNotSupported);

    /// <inheritdoc />
    public virtual void CommitTransaction() => throw new NotSupportedException(DynamoDbStrings.TransactionsNotSupported);

    /// <inheritdoc />
    public virtual Task CommitTransactionAsync(CancellationToken cancellationToken = default)
        => throw new NotSupportedException(DynamoDbStrings.TransactionsNotSupported);

    /// <inheritdoc />
    public virtual void RollbackTransaction() => throw new NotSupportedException(DynamoDbStrings.TransactionsNotSupported);

    /// <inheritdoc />
    public virtual Task RollbackTransactionAsync(CancellationToken cancellationToken = default)
        => throw new NotSupportedException(DynamoDbStrings.TransactionsNotSupported);

    /// <inheritdoc />
    public virtual void ResetState()
    {
    }

    /// <inheritdoc />
    public virtual Task ResetStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
