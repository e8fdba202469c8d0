using EFCore.DynamoDb.Metadata.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Model-wide DynamoDB configuration.</summary>
public static class DynamoDbModelBuilderExtensions
{
    /// <summary>
    /// Keeps <c>CreatedAt</c> and <c>UpdatedAt</c> set on save for every entity type (Dynamoose/Dynamode
    /// <c>timestamps</c>): both when an entity is added, <c>UpdatedAt</c> when it is modified. Entity types without
    /// such properties get them as shadow <see cref="DateTime" /> properties (UTC).
    /// </summary>
    public static ModelBuilder HasTimestamps(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Model.SetAnnotation(DynamoDbAnnotationNames.Timestamps, true);
        return modelBuilder;
    }

    /// <summary>
    /// Prepends this text to every table name of the model (Dynamoose <c>prefix</c>), as the
    /// <c>TableNamePrefix</c> option does; with both, the option's prefix comes first.
    /// </summary>
    public static ModelBuilder HasTableNamePrefix(this ModelBuilder modelBuilder, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(prefix);
        modelBuilder.Model.SetAnnotation(DynamoDbAnnotationNames.TableNamePrefix, prefix);
        return modelBuilder;
    }

    /// <summary>
    /// Sets how many values one counter request reserves for the model's generated integer keys (EF's convention
    /// for a single <c>int</c>/<c>long</c> key): each reservation is one UpdateItem (ADD) on the key counters table,
    /// so a larger block means fewer requests and larger gaps when a process stops with values unused. A save that
    /// needs more values than are left reserves them all in one request. Default 10.
    /// </summary>
    public static ModelBuilder HasKeyBlockSize(this ModelBuilder modelBuilder, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        modelBuilder.Model.SetAnnotation(DynamoDbAnnotationNames.KeyBlockSize, blockSize);
        return modelBuilder;
    }

    /// <summary>
    /// Names the table holding the counters of generated integer keys (one item per table and key attribute); the
    /// table-name prefix and suffix apply to it. Default <c>EFKeyCounters</c>. EnsureCreated creates it when the
    /// model has a generated integer key.
    /// </summary>
    public static ModelBuilder HasKeyCountersTable(this ModelBuilder modelBuilder, string tableName)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        modelBuilder.Model.SetAnnotation(DynamoDbAnnotationNames.KeyCountersTable, tableName);
        return modelBuilder;
    }

    /// <summary>
    /// Makes every EF index of the model — those declared with <c>HasIndex</c> and those EF creates for foreign
    /// keys — a global secondary index, so that a model written for another provider queries by index instead of
    /// scanning: the first property is the index's partition key, the others its sort key (several make a
    /// multi-attribute sort key). An index keeps the name <c>HasIndex</c> or relational <c>HasDatabaseName</c> gave
    /// it, else gets <c>IX_{EntityType}_{Property}…</c>. Indexes already configured as secondary indexes, and those
    /// of owned or keyless types, are left as they are.
    /// </summary>
    public static ModelBuilder MapIndexesToGlobalSecondaryIndexes(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Model.SetAnnotation(DynamoDbAnnotationNames.MapIndexesToGlobalSecondaryIndexes, true);
        return modelBuilder;
    }
}
