using System.Text;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// A bound on the size of an entity's whole item, read from its current values without building the item: when the
/// bound is within DynamoDB's 400 KB, an update cannot make the item too large, and the exact size (which builds the
/// whole item) need not be computed. Null when a value's stored size is not bounded cheaply (a collection, a complex
/// or owned value, a value converter the application configured).
/// </summary>
public static class ItemSizeBound
{
    // The longest text the provider stores for these types (ISO-8601 dates, 'D' Guids, fixed-width TimeSpans), and the
    // most bytes DynamoDB counts for a number of up to 38 significant digits.
    private const int FormattedValueBytes = 40;
    private const int NumberBytes = 21;

    /// <summary>The bound, or null when none is known cheaply.</summary>
    public static int? Of(IUpdateEntry entry)
    {
        var entityType = entry.EntityType;
        if (entityType.GetComplexProperties().Any() || entityType.GetOwnedNavigations().Any())
        {
            return null;
        }

        long bound = 0;
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsOwnershipKey() || entry.GetCurrentValue(property) is not { } value)
            {
                continue;
            }

            if (ValueBound(value, property.GetValueConverter() is null) is not { } valueBound)
            {
                return null;
            }

            bound += Encoding.UTF8.GetMaxByteCount(property.GetAttributeName().Length) + valueBound;
        }

        return bound > int.MaxValue ? null : (int)bound;
    }

    private static long? ValueBound(object value, bool storedAsIs)
        => !storedAsIs
            ? null
            : value switch
            {
                string text => Encoding.UTF8.GetMaxByteCount(text.Length),
                byte[] bytes => bytes.Length,
                bool => 1,
                byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or char or Enum => NumberBytes,
                DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Guid => FormattedValueBytes,
                _ => null,
            };
}
