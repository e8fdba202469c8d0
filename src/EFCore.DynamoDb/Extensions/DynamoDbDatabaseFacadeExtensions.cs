using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Storage.Internal;
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
