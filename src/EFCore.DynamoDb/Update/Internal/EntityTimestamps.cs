using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// Dynamoose/Dynamode timestamps: a new entity gets <c>CreatedAt</c> and <c>UpdatedAt</c>, a changed one
/// <c>UpdatedAt</c>, in UTC. SaveChanges and the batch writes set them the same way.
/// </summary>
public static class EntityTimestamps
{
    /// <summary>Sets the timestamps of an entity being written, if its type keeps them.</summary>
    public static void Set(IUpdateEntry entry, bool added, DateTimeOffset now)
    {
        if (!entry.EntityType.AreTimestampsEnabled())
        {
            return;
        }

        var entityEntry = entry.ToEntityEntry();
        if (added)
        {
            SetTime(entityEntry, DynamoDbEntityTypeExtensions.CreatedAtPropertyName, now);
        }

        SetTime(entityEntry, DynamoDbEntityTypeExtensions.UpdatedAtPropertyName, now);
    }

    private static void SetTime(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string propertyName, DateTimeOffset now)
    {
        var property = entry.Property(propertyName);
        var type = Nullable.GetUnderlyingType(property.Metadata.ClrType) ?? property.Metadata.ClrType;
        property.CurrentValue = type == typeof(DateTimeOffset) ? now : (object)now.UtcDateTime;
    }
}
