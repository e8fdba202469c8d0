using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal.Converters;

/// <summary>
/// Stores a <see cref="TimeOnly" /> as <c>HH:mm:ss.fffffff</c>: fixed width, so times sort chronologically and
/// equal times always have the same text (EF's own converter drops a zero fraction, writing <c>HH:mm:ss</c>).
/// </summary>
public class TimeOnlyToSortableStringConverter()
    : ValueConverter<TimeOnly, string>(v => ToSortable(v), v => FromSortable(v))
{
    private const string Format = "HH':'mm':'ss'.'fffffff";

    // Also reads the shorter form EF's TimeOnlyToStringConverter writes for whole seconds.
    private static readonly string[] ReadFormats = [Format, "HH':'mm':'ss"];

    /// <summary>Formats the value.</summary>
    public static string ToSortable(TimeOnly value) => value.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses a value written by <see cref="ToSortable" /> (or without the fraction).</summary>
    public static TimeOnly FromSortable(string value) => TimeOnly.ParseExact(value, ReadFormats, CultureInfo.InvariantCulture);
}
