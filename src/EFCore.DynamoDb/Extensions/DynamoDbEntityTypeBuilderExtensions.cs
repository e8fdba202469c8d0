using System.Linq.Expressions;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal.Converters;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Maps an entity type onto a DynamoDB table: <c>ToTable</c>, <c>HasPartitionKey</c>, <c>HasSortKey</c>.
/// </summary>
public static class DynamoDbEntityTypeBuilderExtensions
{
    /// <summary>
    /// Stores the entity type in the named table (the options' prefix and suffix still apply), optionally created
    /// with a storage class (as <c>HasTableClass</c>).
    /// </summary>
    /// <remarks>
    /// In a project that also references EF's relational package, C# picks the relational <c>ToTable(name)</c>,
    /// which needs no optional argument, instead of this one: the provider honours the name it sets (unless a
    /// DynamoDB table name is set too), so the call means the same either way.
    /// </remarks>
    public static EntityTypeBuilder ToTable(this EntityTypeBuilder entityTypeBuilder, string name, DynamoDbTableClass? tableClass = null)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        entityTypeBuilder.Metadata.SetTableName(name);
        if (tableClass is { } storageClass)
        {
            entityTypeBuilder.HasTableClass(storageClass);
        }

        return entityTypeBuilder;
    }

    /// <inheritdoc cref="ToTable(EntityTypeBuilder, string, DynamoDbTableClass?)" />
    public static EntityTypeBuilder<TEntity> ToTable<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, string name, DynamoDbTableClass? tableClass = null)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)ToTable((EntityTypeBuilder)entityTypeBuilder, name, tableClass);

    /// <summary>
    /// Makes the property the table's partition (HASH) key. The EF primary key becomes this property, followed by
    /// the sort key when one is configured. In a key of three or more properties that already holds the property,
    /// the key stays as it is (and so does the order of <c>FindAsync</c>'s arguments): the property is the partition
    /// key and the others, in key order, make the composite sort key.
    /// </summary>
    public static EntityTypeBuilder HasPartitionKey(this EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyName);

        var entityType = entityTypeBuilder.Metadata;
        entityType.SetAnnotation(DynamoDbAnnotationNames.PartitionKeyName, propertyName);
        if (entityType.FindPrimaryKey() is { Properties.Count: > 2 } compositeKey && compositeKey.Properties.Any(p => p.Name == propertyName))
        {
            return entityTypeBuilder;
        }

        var sortKey = entityType.GetSortKeyPropertyName();
        entityTypeBuilder.HasKey(sortKey is null ? [propertyName] : [propertyName, sortKey]);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasPartitionKey(EntityTypeBuilder, string)" />
    public static EntityTypeBuilder<TEntity> HasPartitionKey<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> propertyExpression)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasPartitionKey((EntityTypeBuilder)entityTypeBuilder, PropertyExpressions.GetPropertyName(propertyExpression));

    /// <summary>
    /// Makes the property the table's sort (RANGE) key. The EF primary key becomes the partition key followed by
    /// this property; the partition key is the one set by <c>HasPartitionKey</c>, else the current key's first
    /// property.
    /// </summary>
    public static EntityTypeBuilder HasSortKey(this EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyName);

        var entityType = entityTypeBuilder.Metadata;
        entityType.SetAnnotation(DynamoDbAnnotationNames.SortKeyName, propertyName);
        var partitionKey = entityType.GetPartitionKeyPropertyName()
            ?? entityType.FindPrimaryKey()?.Properties[0].Name;
        if (partitionKey is not null && partitionKey != propertyName)
        {
            entityType.SetAnnotation(DynamoDbAnnotationNames.PartitionKeyName, partitionKey);
            entityTypeBuilder.HasKey(partitionKey, propertyName);
        }

        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasSortKey(EntityTypeBuilder, string)" />
    public static EntityTypeBuilder<TEntity> HasSortKey<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> propertyExpression)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasSortKey((EntityTypeBuilder)entityTypeBuilder, PropertyExpressions.GetPropertyName(propertyExpression));

    /// <summary>
    /// Names the one attribute that stores the sort-key parts of a key of three or more properties (every key property
    /// but the partition key, encoded in key order so that it sorts by them). By default the parts' attribute names
    /// joined by '#'. Each part is still stored as its own attribute too.
    /// </summary>
    public static EntityTypeBuilder HasCompositeSortKeyAttributeName(this EntityTypeBuilder entityTypeBuilder, string attributeName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(attributeName);

        entityTypeBuilder.Metadata.SetCompositeSortKeyAttributeName(attributeName);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasCompositeSortKeyAttributeName(EntityTypeBuilder, string)" />
    public static EntityTypeBuilder<TEntity> HasCompositeSortKeyAttributeName<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, string attributeName)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasCompositeSortKeyAttributeName((EntityTypeBuilder)entityTypeBuilder, attributeName);

    /// <summary>
    /// Makes the property the table's time to live: stored as whole seconds since the Unix epoch (a DateTime or
    /// DateTimeOffset reads back in UTC, to the second), enabled on the table by EnsureCreated. DynamoDB deletes
    /// expired items lazily, within days; <c>UseDynamoDb(o => o.ExcludeExpiredItems())</c> hides them from queries.
    /// </summary>
    public static EntityTypeBuilder<TEntity> HasTimeToLive<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> propertyExpression)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        var name = PropertyExpressions.GetPropertyName(propertyExpression);
        var type = Nullable.GetUnderlyingType(typeof(TProperty)) ?? typeof(TProperty);
        var property = entityTypeBuilder.Property(propertyExpression);
        if (type == typeof(DateTime))
        {
            property.HasConversion(new DateTimeToEpochSecondsConverter());
        }
        else if (type == typeof(DateTimeOffset))
        {
            property.HasConversion(new DateTimeOffsetToEpochSecondsConverter());
        }
        else if (type != typeof(long))
        {
            throw new ArgumentException(DynamoDbStrings.InvalidTimeToLiveType(entityTypeBuilder.Metadata.DisplayName(), name, typeof(TProperty).ShortDisplayName()), nameof(propertyExpression));
        }

        entityTypeBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.TimeToLiveProperty, name);
        return entityTypeBuilder;
    }

    /// <summary>
    /// Keeps <c>CreatedAt</c> and <c>UpdatedAt</c> set on save for this entity type (Dynamoose/Dynamode
    /// <c>timestamps</c>); see <see cref="DynamoDbModelBuilderExtensions.HasTimestamps" />.
    /// </summary>
    public static EntityTypeBuilder HasTimestamps(this EntityTypeBuilder entityTypeBuilder, bool enabled = true)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        entityTypeBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.Timestamps, enabled);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasTimestamps(EntityTypeBuilder, bool)" />
    public static EntityTypeBuilder<TEntity> HasTimestamps<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, bool enabled = true)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasTimestamps((EntityTypeBuilder)entityTypeBuilder, enabled);

    /// <summary>Creates the table with this storage class (DynamoDB's default is STANDARD).</summary>
    public static EntityTypeBuilder HasTableClass(this EntityTypeBuilder entityTypeBuilder, DynamoDbTableClass tableClass)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        entityTypeBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.TableClass, tableClass);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasTableClass(EntityTypeBuilder, DynamoDbTableClass)" />
    public static EntityTypeBuilder<TEntity> HasTableClass<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, DynamoDbTableClass tableClass)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasTableClass((EntityTypeBuilder)entityTypeBuilder, tableClass);

    /// <summary>
    /// Creates the table with deletion protection: DynamoDB then refuses DeleteTable (and so EnsureDeleted) until
    /// the protection is turned off.
    /// </summary>
    public static EntityTypeBuilder HasDeletionProtection(this EntityTypeBuilder entityTypeBuilder, bool enabled = true)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        entityTypeBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.DeletionProtection, enabled);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasDeletionProtection(EntityTypeBuilder, bool)" />
    public static EntityTypeBuilder<TEntity> HasDeletionProtection<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, bool enabled = true)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasDeletionProtection((EntityTypeBuilder)entityTypeBuilder, enabled);

    /// <summary>Sets how the table's capacity is paid for (on-demand by default).</summary>
    public static EntityTypeBuilder HasBillingMode(this EntityTypeBuilder entityTypeBuilder, DynamoDbBillingMode billingMode)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        entityTypeBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.BillingMode, billingMode);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasBillingMode(EntityTypeBuilder, DynamoDbBillingMode)" />
    public static EntityTypeBuilder<TEntity> HasBillingMode<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, DynamoDbBillingMode billingMode)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasBillingMode((EntityTypeBuilder)entityTypeBuilder, billingMode);

    /// <summary>
    /// Makes the table PROVISIONED with these read and write capacity units; global secondary indexes without
    /// their own throughput get the same.
    /// </summary>
    public static EntityTypeBuilder HasProvisionedThroughput(this EntityTypeBuilder entityTypeBuilder, long readCapacityUnits, long writeCapacityUnits)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        if (readCapacityUnits < 1 || writeCapacityUnits < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(readCapacityUnits), DynamoDbStrings.ThroughputNotPositive(readCapacityUnits, writeCapacityUnits));
        }

        var entityType = entityTypeBuilder.Metadata;
        entityType.SetAnnotation(DynamoDbAnnotationNames.BillingMode, DynamoDbBillingMode.Provisioned);
        entityType.SetAnnotation(DynamoDbAnnotationNames.ReadCapacityUnits, readCapacityUnits);
        entityType.SetAnnotation(DynamoDbAnnotationNames.WriteCapacityUnits, writeCapacityUnits);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasProvisionedThroughput(EntityTypeBuilder, long, long)" />
    public static EntityTypeBuilder<TEntity> HasProvisionedThroughput<TEntity>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        long readCapacityUnits,
        long writeCapacityUnits)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasProvisionedThroughput((EntityTypeBuilder)entityTypeBuilder, readCapacityUnits, writeCapacityUnits);

    /// <summary>
    /// Declares a global secondary index with its own partition key and no sort key. EnsureCreated creates it;
    /// queries that compare its partition key with <c>==</c> read from it automatically. The partition key is one
    /// property (<c>o => o.Status</c>) or, for a multi-attribute key, an anonymous type of up to four properties
    /// (<c>o => new { o.TenantId, o.Region }</c>): DynamoDB then keys the index on those attributes as they are, and a
    /// Query needs <c>==</c> on every one of them.
    /// </summary>
    public static DynamoDbSecondaryIndexBuilder<TEntity> HasGlobalSecondaryIndex<TEntity, TPartitionKey>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        string name,
        Expression<Func<TEntity, TPartitionKey>> partitionKey)
        where TEntity : class
        => HasGlobalSecondaryIndex(entityTypeBuilder, name, PropertyExpressions.GetPropertyNames(partitionKey), []);

    /// <summary>
    /// Declares a global secondary index with its own partition key and sort key. EnsureCreated creates it; queries
    /// that compare its partition key with <c>==</c> read from it automatically. Each key is one property or, for a
    /// multi-attribute key, an anonymous type of up to four properties
    /// (<c>o => new { o.TenantId, o.Region }, o => new { o.CreatedAt, o.Id }</c>): a Query then needs <c>==</c> on every
    /// partition attribute and may constrain a leading run of the sort attributes (<c>==</c> on all but the last, a
    /// range or <c>StartsWith</c> on the last), reading them in the order of the sort attributes.
    /// </summary>
    public static DynamoDbSecondaryIndexBuilder<TEntity> HasGlobalSecondaryIndex<TEntity, TPartitionKey, TSortKey>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        string name,
        Expression<Func<TEntity, TPartitionKey>> partitionKey,
        Expression<Func<TEntity, TSortKey>> sortKey)
        where TEntity : class
        => HasGlobalSecondaryIndex(entityTypeBuilder, name, PropertyExpressions.GetPropertyNames(partitionKey), PropertyExpressions.GetPropertyNames(sortKey));

    /// <summary>
    /// Declares a local secondary index: the table's partition key with another sort key. EnsureCreated creates it
    /// with the table (DynamoDB cannot add one later).
    /// </summary>
    public static DynamoDbSecondaryIndexBuilder<TEntity> HasLocalSecondaryIndex<TEntity, TSortKey>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        string name,
        Expression<Func<TEntity, TSortKey>> sortKey)
        where TEntity : class
        => HasSecondaryIndex(entityTypeBuilder, name, DynamoDbIndexKind.Local, PropertyExpressions.GetPropertyName(sortKey));

    // The index's properties are its partition key attributes followed by its sort key attributes.
    private static DynamoDbSecondaryIndexBuilder<TEntity> HasGlobalSecondaryIndex<TEntity>(
        EntityTypeBuilder<TEntity> entityTypeBuilder,
        string name,
        IReadOnlyList<string> partitionKey,
        IReadOnlyList<string> sortKey)
        where TEntity : class
    {
        var builder = HasSecondaryIndex(entityTypeBuilder, name, DynamoDbIndexKind.Global, [.. partitionKey, .. sortKey]);
        builder.Metadata.SetIndexPartitionKeyCount(partitionKey.Count);
        return builder;
    }

    private static DynamoDbSecondaryIndexBuilder<TEntity> HasSecondaryIndex<TEntity>(
        EntityTypeBuilder<TEntity> entityTypeBuilder,
        string name,
        DynamoDbIndexKind kind,
        params string[] propertyNames)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var index = entityTypeBuilder.HasIndex(propertyNames, name).Metadata;
        index.SetSecondaryIndexKind(kind);
        return new DynamoDbSecondaryIndexBuilder<TEntity>(index);
    }
}
