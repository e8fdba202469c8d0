using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal.Converters;

/// <summary>
/// Stores a <see cref="TimeSpan" /> as <c>[-]dddddddd.hh:mm:ss.fffffff</c>: fixed width, so non-negative
/// durations sort by length (negative ones sort before all non-negative ones).
/// </summary>
public class TimeSpanToSortableStringConverter()
    : ValueConverter<TimeSpan, string>(v => ToSortable(v), v => FromSortable(v))
{
    private const string Format = @"dddddddd\.hh\:mm\:ss\.fffffff";

    /// <summary>Formats the value.</summary>
    public static string ToSortable(TimeSpan value)
        => value < TimeSpan.Zero
            ? "-" + value.ToString(Format, CultureInfo.InvariantCulture)
            : value.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses a value written by <see cref="ToSortable" />.</summary>
    public static TimeSpan FromSortable(string value)
        => value.StartsWith('-')
            ? TimeSpan.ParseExact(value.AsSpan(1), Format, CultureInfo.InvariantCulture, TimeSpanStyles.AssumeNegative)
            : TimeSpan.ParseExact(value, Format, CultureInfo.InvariantCulture);
}
