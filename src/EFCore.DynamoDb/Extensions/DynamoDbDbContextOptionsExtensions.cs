using Amazon.DynamoDBv2;
using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// <c>UseDynamoDb</c>: configures a context to use Amazon DynamoDB.
/// </summary>
public static class DynamoDbDbContextOptionsExtensions
{
    /// <summary>
    /// Configures the context to use DynamoDB, set up by <paramref name="dynamoDbOptionsAction" /> (endpoint, region,
    /// credentials, table naming…).
    /// </summary>
    /// <remarks>
    /// When the options name no endpoint, region or credentials, the context uses the <see cref="IAmazonDynamoDB" />
    /// registered in the application's services if there is one (as AWSSDK.Extensions.NETCore.Setup's
    /// <c>AddAWSService&lt;IAmazonDynamoDB&gt;()</c> registers, configured by the <c>AWS</c> section of appsettings);
    /// otherwise the provider creates its own client with the AWS SDK's resolution of region and credentials.
    /// </remarks>
    public static DbContextOptionsBuilder UseDynamoDb(
        this DbContextOptionsBuilder optionsBuilder,
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        var extension = optionsBuilder.Options.FindExtension<DynamoDbOptionsExtension>() ?? new DynamoDbOptionsExtension();
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(extension);
        ConfigureWarnings(optionsBuilder);
        dynamoDbOptionsAction?.Invoke(new DynamoDbDbContextOptionsBuilder(optionsBuilder));
        UseApplicationClient(optionsBuilder);
        return optionsBuilder;
    }

    /// <summary>
    /// Configures the context to use a DynamoDB client the application created (for tests, custom retry or
    /// HTTP settings, or DAX). The provider does not dispose it.
    /// </summary>
    public static DbContextOptionsBuilder UseDynamoDb(
        this DbContextOptionsBuilder optionsBuilder,
        IAmazonDynamoDB client,
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(client);

        var extension = (optionsBuilder.Options.FindExtension<DynamoDbOptionsExtension>() ?? new DynamoDbOptionsExtension())
            .WithClient(client);
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(extension);
        ConfigureWarnings(optionsBuilder);
        dynamoDbOptionsAction?.Invoke(new DynamoDbDbContextOptionsBuilder(optionsBuilder));
        return optionsBuilder;
    }

    /// <inheritdoc cref="UseDynamoDb(DbContextOptionsBuilder, Action{DynamoDbDbContextOptionsBuilder})" />
    public static DbContextOptionsBuilder<TContext> UseDynamoDb<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseDynamoDb((DbContextOptionsBuilder)optionsBuilder, dynamoDbOptionsAction);

    /// <inheritdoc cref="UseDynamoDb(DbContextOptionsBuilder, IAmazonDynamoDB, Action{DynamoDbDbContextOptionsBuilder})" />
    public static DbContextOptionsBuilder<TContext> UseDynamoDb<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        IAmazonDynamoDB client,
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseDynamoDb((DbContextOptionsBuilder)optionsBuilder, client, dynamoDbOptionsAction);

    // EF sets the application's service provider on the options builder before it runs the options action of
    // AddDbContext, so the application's client is known here. Held in the options, it takes part in the internal
    // service provider's identity: applications with different clients never share one.
    private static void UseApplicationClient(DbContextOptionsBuilder optionsBuilder)
    {
        var extension = optionsBuilder.Options.FindExtension<DynamoDbOptionsExtension>()!;
        if (extension is { Client: null, ServiceUrl: null, Region: null, Credentials: null }
            && optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(IAmazonDynamoDB)) is IAmazonDynamoDB client)
        {
            ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(extension.WithClient(client));
        }
    }

    // Blocking on the asynchronous SDK is an error unless the user explicitly chose otherwise, as in the Cosmos provider.
    private static void ConfigureWarnings(DbContextOptionsBuilder optionsBuilder)
    {
        var coreOptionsExtension = optionsBuilder.Options.FindExtension<CoreOptionsExtension>() ?? new CoreOptionsExtension();
        coreOptionsExtension = coreOptionsExtension.WithWarningsConfiguration(
            coreOptionsExtension.WarningsConfiguration.TryWithExplicit(DynamoDbEventId.SyncNotSupported, WarningBehavior.Throw));
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(coreOptionsExtension);
    }
}
