using System.Transactions;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// DynamoDB has no client-controlled transactions: <c>BeginTransaction</c> explains that each SaveChanges is
/// already atomic instead of pretending to open one, and no System.Transactions transaction is ever enlisted.
/// </summary>
/// <remarks>
/// An execution strategy that retries refuses to start inside a transaction: it asks for the current, the enlisted
/// and the ambient one, and without <see cref="ITransactionEnlistmentManager" /> EF throws on the enlisted one.
/// </remarks>
public class DynamoDbTransactionManager : IDbContextTransactionManager, ITransactionEnlistmentManager
{
    /// <inheritdoc />
    public virtual IDbContextTransaction? CurrentTransaction => null;

    /// <inheritdoc />
    public virtual Transaction? EnlistedTransaction => null;

    /// <summary>
    /// Always null: DynamoDB requests never take part in an ambient <c>TransactionScope</c>, so one around a save or
    /// a query does not stop the execution strategy from retrying it.
    /// </summary>
    public virtual Transaction? CurrentAmbientTransaction => null;

    /// <inheritdoc />
    public virtual void EnlistTransaction(Transaction? transaction) => throw new NotSupportedException(DynamoDbStrings.TransactionsNotSupported);

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
