using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Query.Internal.TransactionalRead;
using System.Linq.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>DynamoDB-specific operations on <c>context.Database</c>.</summary>
public static class DynamoDbDatabaseFacadeExtensions
{
    /// <summary>The <see cref="IAmazonDynamoDB" /> client the context sends its requests through.</summary>
    public static IAmazonDynamoDB GetDynamoDbClient(this DatabaseFacade databaseFacade)
        => GetService<IDynamoDbClientWrapper>(databaseFacade).Client;

    /// <summary>True when the context uses the DynamoDB provider.</summary>
    public static bool IsDynamoDb(this DatabaseFacade databaseFacade)
        => databaseFacade.ProviderName == typeof(DynamoDbOptionsExtension).Assembly.GetName().Name;

    /// <summary>
    /// The CreateTable requests <c>EnsureCreatedAsync</c> would send for the model's tables, without sending
    /// anything (Dynamoose <c>Model.table.create.request()</c>).
    /// </summary>
    public static IReadOnlyList<CreateTableRequest> GetCreateTableRequests(this DatabaseFacade databaseFacade)
        => GetService<DynamoDbDatabaseCreator>(databaseFacade).GetCreateTableRequests();

    /// <summary>The model's CreateTable requests as readable JSON in DynamoDB's own format, for infrastructure-as-code.</summary>
    public static string GenerateCreateScript(this DatabaseFacade databaseFacade)
        => DynamoDbRequestJsonWriter.WriteAll(databaseFacade.GetCreateTableRequests());

    /// <summary>
    /// Adds a condition on another item to the next <c>SaveChanges</c> (Dynamoose/Dynamode <c>transaction.condition</c>):
    /// the save becomes one TransactWriteItems with a ConditionCheck action requiring that the item of
    /// <typeparamref name="TEntity" /> with this key exists and matches <paramref name="predicate" />; if it does not,
    /// nothing is written and the save throws a DbUpdateException naming the check. The check is kept until a save
    /// succeeds.
    /// </summary>
    /// <param name="databaseFacade">The context's database.</param>
    /// <param name="key">The key value, or an object[] of the partition and sort key values.</param>
    /// <param name="predicate">The condition, translated as a query filter is.</param>
    public static void AddConditionCheck<TEntity>(this DatabaseFacade databaseFacade, object key, Expression<Func<TEntity, bool>> predicate)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(predicate);
        GetService<DynamoDbConditionChecks>(databaseFacade).Add(key, predicate);
    }

    /// <summary>
    /// Reads the results of two key-set queries (of any entity types of this context) in one TransactGetItems: one
    /// serializable snapshot of up to 100 items in all, no write seen half done across them. Each query must be what
    /// <c>WithTransactionalRead()</c> accepts — <c>keys.Contains(e.Key)</c> or <c>==</c> on the whole key, nothing
    /// else — and its results are tracked as that query's would be (unless <c>AsNoTracking</c>).
    /// </summary>
    public static async Task<(List<T1> First, List<T2> Second)> TransactionalReadAsync<T1, T2>(
        this DatabaseFacade databaseFacade,
        IQueryable<T1> first,
        IQueryable<T2> second,
        CancellationToken cancellationToken = default)
        where T1 : class
        where T2 : class
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var batch = CreateTransactionalReadBatch(databaseFacade);
        var firstResults = batch.Add(first, cancellationToken);
        var secondResults = batch.Add(second, cancellationToken);
        await batch.SendAsync(cancellationToken).ConfigureAwait(false);
        return (await firstResults.ToListAsync(cancellationToken).ConfigureAwait(false), await secondResults.ToListAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc cref="TransactionalReadAsync{T1, T2}(DatabaseFacade, IQueryable{T1}, IQueryable{T2}, CancellationToken)" />
    public static async Task<(List<T1> First, List<T2> Second, List<T3> Third)> TransactionalReadAsync<T1, T2, T3>(
        this DatabaseFacade databaseFacade,
        IQueryable<T1> first,
        IQueryable<T2> second,
        IQueryable<T3> third,
        CancellationToken cancellationToken = default)
        where T1 : class
        where T2 : class
        where T3 : class
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(third);
        var batch = CreateTransactionalReadBatch(databaseFacade);
        var firstResults = batch.Add(first, cancellationToken);
        var secondResults = batch.Add(second, cancellationToken);
        var thirdResults = batch.Add(third, cancellationToken);
        await batch.SendAsync(cancellationToken).ConfigureAwait(false);
        return (
            await firstResults.ToListAsync(cancellationToken).ConfigureAwait(false),
            await secondResults.ToListAsync(cancellationToken).ConfigureAwait(false),
            await thirdResults.ToListAsync(cancellationToken).ConfigureAwait(false));
    }

    private static TransactionalReadBatch CreateTransactionalReadBatch(DatabaseFacade databaseFacade)
        => new(GetService<IDynamoDbClientWrapper>(databaseFacade), GetService<DynamoDbRequestRetrier>(databaseFacade));

    private static TService GetService<TService>(DatabaseFacade databaseFacade)
        where TService : class
    {
        var service = ((IInfrastructure<IServiceProvider>)databaseFacade).Instance.GetService(typeof(TService))
            ?? (typeof(TService) == typeof(DynamoDbDatabaseCreator)
                ? ((IInfrastructure<IServiceProvider>)databaseFacade).Instance.GetService(typeof(IDatabaseCreator))
                : null);
        return service as TService
            ?? throw new InvalidOperationException(
                $"'{typeof(TService).Name}' is only available when the context uses the DynamoDB provider: configure it with 'UseDynamoDb'.");
    }
}
