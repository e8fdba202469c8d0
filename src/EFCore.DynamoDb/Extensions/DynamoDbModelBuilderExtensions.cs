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
}
