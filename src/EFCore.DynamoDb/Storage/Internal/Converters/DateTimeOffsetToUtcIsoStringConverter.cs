using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal.Converters;

/// <summary>
/// Stores a <see cref="DateTimeOffset" /> normalized to UTC as a fixed-width ISO-8601 string, so values from any
/// offset sort chronologically; it reads back as the same instant with a zero offset.
/// </summary>
public class DateTimeOffsetToUtcIsoStringConverter()
    : ValueConverter<DateTimeOffset, string>(v => ToIso(v), v => FromIso(v))
{
    /// <summary>Formats the value as UTC.</summary>
    public static string ToIso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a value written by <see cref="ToIso" /> (or any ISO-8601 text with an offset).</summary>
    public static DateTimeOffset FromIso(string value)
        => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
}
