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
}
