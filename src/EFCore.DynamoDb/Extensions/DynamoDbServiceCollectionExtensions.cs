using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Metadata.Conventions;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Update.Internal;
using EFCore.DynamoDb.Update.Internal.Cascade;
using EFCore.DynamoDb.Update.Internal.UniqueIndexes;
using EFCore.DynamoDb.ValueGeneration.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.ValueGeneration;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the provider's services, as every EF Core provider does.</summary>
public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext" /> as a scoped service that uses DynamoDB: the one-line form of
    /// <c>AddDbContext&lt;TContext&gt;(o =&gt; o.UseDynamoDb(…))</c>, as <c>AddCosmos</c> is for Cosmos DB.
    /// </summary>
    /// <remarks>
    /// With no endpoint, region or credentials in <paramref name="dynamoDbOptionsAction" />, the context uses the
    /// <c>IAmazonDynamoDB</c> registered in these services when there is one (<c>AddAWSService&lt;IAmazonDynamoDB&gt;()</c>),
    /// else the AWS SDK's own resolution. For pooling or a context factory, call <c>AddDbContextPool</c> or
    /// <c>AddDbContextFactory</c> with <c>UseDynamoDb</c> instead.
    /// </remarks>
    /// <typeparam name="TContext">The context to register.</typeparam>
    /// <param name="serviceCollection">The application's services.</param>
    /// <param name="dynamoDbOptionsAction">The DynamoDB options: endpoint, region, credentials, table naming…</param>
    /// <param name="optionsAction">Other options of the context, such as logging.</param>
    /// <returns>The same service collection, to chain calls.</returns>
    public static IServiceCollection AddDynamoDb<TContext>(
        this IServiceCollection serviceCollection,
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDbOptionsAction = null,
        Action<DbContextOptionsBuilder>? optionsAction = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);
        return serviceCollection.AddDbContext<TContext>(
            (_, options) =>
            {
                optionsAction?.Invoke(options);
                options.UseDynamoDb(dynamoDbOptionsAction);
            });
    }

    /// <summary>
    /// Adds the services the DynamoDB provider needs to an internal service provider. Applications normally call
    /// <c>UseDynamoDb</c> instead, which does this for them.
    /// </summary>
    public static IServiceCollection AddEntityFrameworkDynamoDb(this IServiceCollection serviceCollection)
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);

        var builder = new EntityFrameworkServicesBuilder(serviceCollection)
            .TryAdd<LoggingDefinitions, DynamoDbLoggingDefinitions>()
            .TryAdd<IDatabaseProvider, DatabaseProvider<DynamoDbOptionsExtension>>()
            .TryAdd<IDatabase, DynamoDbDatabase>()
            .TryAdd<IStateManager, DynamoDbStateManager>()
            .TryAdd<IDbContextTransactionManager, DynamoDbTransactionManager>()
            .TryAdd<IModelValidator, DynamoDbModelValidator>()
            .TryAdd<IProviderConventionSetBuilder, DynamoDbConventionSetBuilder>()
            .TryAdd<IDatabaseCreator, DynamoDbDatabaseCreator>()
            .TryAdd<IQueryContextFactory, DynamoDbQueryContextFactory>()
            .TryAdd<ITypeMappingSource, DynamoDbTypeMappingSource>()
            .TryAdd<IQueryableMethodTranslatingExpressionVisitorFactory, DynamoDbQueryableMethodTranslatingExpressionVisitorFactory>()
            .TryAdd<IShapedQueryCompilingExpressionVisitorFactory, DynamoDbShapedQueryCompilingExpressionVisitorFactory>()
            .TryAdd<IQueryTranslationPreprocessorFactory, DynamoDbQueryTranslationPreprocessorFactory>()
            .TryAdd<IQueryTranslationPostprocessorFactory, DynamoDbQueryTranslationPostprocessorFactory>()
            .TryAdd<IQueryCompilationContextFactory, DynamoDbQueryCompilationContextFactory>()
            .TryAdd<IEntityFinderSource, DynamoDbEntityFinderSource>()
            .TryAdd<IStructuralTypeMaterializerSource, DynamoDbStructuralTypeMaterializerSource>()
            .TryAdd<IValueGeneratorSelector, DynamoDbValueGeneratorSelector>()
            .TryAdd<IExecutionStrategyFactory, DynamoDbExecutionStrategyFactory>()
            .TryAdd<ISingletonOptions, IDynamoDbSingletonOptions>(p => p.GetRequiredService<IDynamoDbSingletonOptions>())
            // A pooled context must not carry condition checks into its next use.
            .TryAdd<IResettableService, DynamoDbConditionChecks>(p => p.GetRequiredService<DynamoDbConditionChecks>())
            .TryAdd<IResettableService, DynamoDbKeyCounterAssigner>(p => p.GetRequiredService<DynamoDbKeyCounterAssigner>())
            .TryAddProviderSpecificServices(b => b
                .TryAddSingleton<IDynamoDbSingletonOptions, DynamoDbSingletonOptions>()
                .TryAddSingleton<ISingletonDynamoDbClient, SingletonDynamoDbClient>()
                .TryAddSingleton<CreateTableRequestFactory, CreateTableRequestFactory>()
                .TryAddSingleton<DynamoDbWriteCommandFactory, DynamoDbWriteCommandFactory>()
                .TryAddSingleton<DynamoDbKeyCounterBlocks, DynamoDbKeyCounterBlocks>()
                .TryAddScoped<IDynamoDbClientWrapper, DynamoDbClientWrapper>()
                .TryAddScoped<DynamoDbWriteErrorMapper, DynamoDbWriteErrorMapper>()
                .TryAddScoped<UniqueIndexGuardFactory, UniqueIndexGuardFactory>()
                .TryAddScoped<DynamoDbConditionChecks, DynamoDbConditionChecks>()
                .TryAddScoped<DynamoDbKeyCounterAssigner, DynamoDbKeyCounterAssigner>()
                .TryAddScoped<DynamoDbRequestRetrier, DynamoDbRequestRetrier>()
                .TryAddScoped<DynamoDbBatchWriter, DynamoDbBatchWriter>()
                .TryAddScoped<CascadeDeleteLoader, CascadeDeleteLoader>());

        builder.TryAddCoreServices();
        return serviceCollection;
    }
}
