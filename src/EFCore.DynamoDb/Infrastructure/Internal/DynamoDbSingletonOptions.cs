using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <inheritdoc />
public class DynamoDbSingletonOptions : IDynamoDbSingletonOptions
{
    // Table names are resolved on every save; caching them per entity type keeps that free of string building.
    private readonly ConcurrentDictionary<IReadOnlyEntityType, string> _tableNames = new();

    /// <inheritdoc />
    public virtual string? ServiceUrl { get; private set; }

    /// <inheritdoc />
    public virtual string? Region { get; private set; }

    /// <inheritdoc />
    public virtual AWSCredentials? Credentials { get; private set; }

    /// <inheritdoc />
    public virtual IAmazonDynamoDB? Client { get; private set; }

    /// <inheritdoc />
    public virtual string? TableNamePrefix { get; private set; }

    /// <inheritdoc />
    public virtual string? TableNameSuffix { get; private set; }

    /// <inheritdoc />
    public virtual TimeSpan WaitForActiveTimeout { get; private set; } = DynamoDbOptionsExtension.DefaultWaitForActiveTimeout;

    /// <inheritdoc />
    public virtual bool ExcludeExpiredItems { get; private set; }

    /// <inheritdoc />
    public virtual int MaxConcurrentWrites { get; private set; } = DynamoDbOptionsExtension.DefaultMaxConcurrentWrites;

    /// <inheritdoc />
    public virtual TimeSpan ConnectTimeout { get; private set; } = DynamoDbOptionsExtension.DefaultConnectTimeout;

    /// <inheritdoc />
    public virtual void Initialize(IDbContextOptions options)
    {
        var extension = options.FindExtension<DynamoDbOptionsExtension>();
        if (extension is null)
        {
            return;
        }

        ServiceUrl = extension.ServiceUrl;
        Region = extension.Region;
        Credentials = extension.Credentials;
        Client = extension.Client;
        TableNamePrefix = extension.TableNamePrefix;
        TableNameSuffix = extension.TableNameSuffix;
        WaitForActiveTimeout = extension.WaitForActiveTimeout;
        ExcludeExpiredItems = extension.ExcludeExpiredItems;
        MaxConcurrentWrites = extension.MaxConcurrentWrites;
        ConnectTimeout = extension.ConnectTimeout;
    }

    /// <inheritdoc />
    public virtual void Validate(IDbContextOptions options)
    {
        var extension = options.FindExtension<DynamoDbOptionsExtension>();
        if (extension is not null
            && extension.Client is not null
            && (extension.ServiceUrl is not null || extension.Region is not null || extension.Credentials is not null))
        {
            throw new InvalidOperationException(DynamoDbStrings.ClientAndConnectionOptions);
        }
    }

    /// <inheritdoc />
    public virtual string ResolveTableName(IReadOnlyEntityType entityType)
        => _tableNames.GetOrAdd(
            entityType,
            static (e, o) => o.ResolveTableName(e.Model, e.GetTableName()),
            this);

    /// <inheritdoc />
    public virtual string ResolveTableName(IReadOnlyModel model, string? modelTableName)
        => TableNamePrefix + (string?)model[DynamoDbAnnotationNames.TableNamePrefix] + modelTableName + TableNameSuffix;
}
