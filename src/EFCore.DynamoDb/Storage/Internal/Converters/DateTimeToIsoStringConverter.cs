using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal.Converters;

/// <summary>
/// Stores a <see cref="DateTime" /> as an ISO-8601 round-trip string ("O" format): fixed width, so values of one
/// kind sort chronologically, and the Kind (Utc "Z", Local offset, Unspecified none) comes back on read.
/// </summary>
public class DateTimeToIsoStringConverter()
    : ValueConverter<DateTime, string>(v => ToIso(v), v => FromIso(v))
{
    /// <summary>Formats the value.</summary>
    public static string ToIso(DateTime value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Parses a value written by <see cref="ToIso" />, keeping its Kind.</summary>
    public static DateTime FromIso(string value) => DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
