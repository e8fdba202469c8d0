using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>
/// A row version (<c>IsRowVersion()</c> / <c>[Timestamp]</c>): a concurrency token generated on add and on every
/// update. DynamoDB generates nothing, so the provider does, as DynamoDBContext's <c>[DynamoDBVersion]</c> does: a new
/// item gets version 1, every update writes the original version plus one, conditioned on the original.
/// </summary>
public static class RowVersionExtensions
{
    /// <summary>True for a property EF configured as a row version.</summary>
    public static bool IsRowVersion(this IReadOnlyProperty property)
        => property.IsConcurrencyToken && property.ValueGenerated == ValueGenerated.OnAddOrUpdate;

    /// <summary>The row version of an entity type, or null.</summary>
    public static IProperty? FindRowVersion(this IEntityType entityType)
    {
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsRowVersion())
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>True when a row version of this CLR type can be incremented: an integer type.</summary>
    public static bool IsIncrementable(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        return type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);
    }

    /// <summary>The version after <paramref name="original" />: 1 for a new item (no original), else one more.</summary>
    public static object NextVersion(IReadOnlyProperty rowVersion, object? original)
    {
        var type = Nullable.GetUnderlyingType(rowVersion.ClrType) ?? rowVersion.ClrType;
        var next = original is null ? 1m : Convert.ToDecimal(original, System.Globalization.CultureInfo.InvariantCulture) + 1;
        return Convert.ChangeType(next, type, System.Globalization.CultureInfo.InvariantCulture);
    }
}
