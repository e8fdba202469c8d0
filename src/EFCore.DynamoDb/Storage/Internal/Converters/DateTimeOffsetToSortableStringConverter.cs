using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal.Converters;

/// <summary>
/// Stores a <see cref="DateTimeOffset" /> as its UTC instant in fixed-width ISO-8601 (<c>2024-05-01T08:30:00.0000000Z</c>),
/// followed, when the offset is not zero, by the offset as an RFC 9557 suffix (<c>2024-05-01T08:30:00.0000000Z[+02:00]</c>).
/// The instant comes first, so the text sorts by instant; the value reads back exactly, offset included; a value
/// with a zero offset is stored as the provider always stored DateTimeOffset values (normalized to UTC), so those
/// read back unchanged. One instant has one stored form per offset: <see cref="InstantLowerBound" /> and
/// <see cref="InstantUpperBound" /> enclose them all, for comparisons by instant.
/// </summary>
public class DateTimeOffsetToSortableStringConverter()
    : ValueConverter<DateTimeOffset, string>(v => ToText(v), v => FromText(v))
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    // '[' opens the offset suffix; ']' sorts after it, so no stored form of an instant reaches the upper bound.
    private const char OffsetStart = '[';
    private const char OffsetEnd = ']';
    private const char AfterOffsets = ']';

    /// <summary>The stored text of a value.</summary>
    public static string ToText(DateTimeOffset value)
    {
        var instant = InstantLowerBound(value);
        if (value.Offset == TimeSpan.Zero)
        {
            return instant;
        }

        var offset = value.Offset;
        return instant + OffsetStart + (offset < TimeSpan.Zero ? '-' : '+')
            + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture) + OffsetEnd;
    }

    /// <summary>
    /// Reads a stored text: the instant with its offset suffix, or without one (UTC); any other ISO-8601 text with an
    /// offset (written by another tool) keeps its offset.
    /// </summary>
    public static DateTimeOffset FromText(string text)
    {
        var suffix = text.IndexOf(OffsetStart, StringComparison.Ordinal);
        if (suffix < 0)
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        var instant = DateTimeOffset.ParseExact(text.AsSpan(0, suffix), InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var offsetText = text.AsSpan(suffix + 1, text.Length - suffix - 2);
        var offset = TimeSpan.ParseExact(offsetText[1..], @"hh\:mm", CultureInfo.InvariantCulture);
        return instant.ToOffset(offsetText[0] == '-' ? -offset : offset);
    }

    /// <summary>The lowest stored text of the value's instant (its UTC form): every later instant sorts above it.</summary>
    public static string InstantLowerBound(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>A text above every stored form of the value's instant and below every later instant's.</summary>
    public static string InstantUpperBound(DateTimeOffset value) => InstantLowerBound(value) + AfterOffsets;
}
