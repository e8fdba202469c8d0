using System.Linq.Expressions;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata.Builders;

/// <summary>
/// Configures a DynamoDB secondary index declared with <c>HasGlobalSecondaryIndex</c> or
/// <c>HasLocalSecondaryIndex</c>: its projection and (for a global index) its provisioned throughput.
/// </summary>
public class DynamoDbSecondaryIndexBuilder<TEntity>
    where TEntity : class
{
    /// <summary>Creates a builder for the index.</summary>
    public DynamoDbSecondaryIndexBuilder(IMutableIndex index) => Metadata = index;

    /// <summary>The index being configured.</summary>
    public virtual IMutableIndex Metadata { get; }

    /// <summary>The index holds every attribute (the default): any query can read from it.</summary>
    public virtual DynamoDbSecondaryIndexBuilder<TEntity> ProjectsAll()
    {
        Metadata.SetProjection(DynamoDbIndexProjection.All);
        return this;
    }

    /// <summary>The index holds only the table's and the index's key attributes.</summary>
    public virtual DynamoDbSecondaryIndexBuilder<TEntity> ProjectsKeysOnly()
    {
        Metadata.SetProjection(DynamoDbIndexProjection.KeysOnly);
        return this;
    }

    /// <summary>The index holds the keys and these properties' attributes.</summary>
    public virtual DynamoDbSecondaryIndexBuilder<TEntity> ProjectsInclude(params Expression<Func<TEntity, object?>>[] properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        Metadata.SetProjection(DynamoDbIndexProjection.Include, properties.Select(PropertyExpressions.GetPropertyName).ToArray());
        return this;
    }

    /// <summary>Provisioned read and write capacity for a global index on a provisioned table.</summary>
    public virtual DynamoDbSecondaryIndexBuilder<TEntity> HasProvisionedThroughput(long readCapacityUnits, long writeCapacityUnits)
    {
        if (readCapacityUnits < 1 || writeCapacityUnits < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(readCapacityUnits), DynamoDbStrings.ThroughputNotPositive(readCapacityUnits, writeCapacityUnits));
        }

        Metadata.SetProvisionedThroughput(readCapacityUnits, writeCapacityUnits);
        return this;
    }
}
