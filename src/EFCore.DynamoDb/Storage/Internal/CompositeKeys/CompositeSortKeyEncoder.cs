using System.Globalization;
using System.Text;
using EFCore.DynamoDb.Properties;

namespace EFCore.DynamoDb.Storage.Internal.CompositeKeys;

/// <summary>
/// Encodes the sort-key parts of a key of three or more properties into the one string attribute DynamoDB sorts
/// by. DynamoDB compares strings by their UTF-8 bytes, so the encoding keeps two promises:
/// <list type="bullet">
/// <item>it sorts as the tuple does: the encoded strings compare (by UTF-8 bytes) as the tuples of parts compare
/// part by part, each part in the order DynamoDB gives its own attribute;</item>
/// <item>it is unambiguous and prefix-safe: <c>("a#b", "c")</c> and <c>("a", "b#c")</c> encode differently, and
/// the encoding of a leading run of parts followed by <see cref="Separator"/> is a prefix of exactly the keys
/// whose leading parts are equal to that run, which is what a <c>begins_with</c> key condition needs.</item>
/// </list>
/// </summary>
/// <remarks>
/// Parts are joined by <see cref="Separator"/>. Within a text part every character at or below
/// <see cref="Escape"/> (the separator among them) is written as <see cref="Escape"/> followed by the character
/// shifted above <see cref="Escape"/>, so every encoded character of a part is above the separator (a shorter part
/// sorts first, as it does unencoded) and the separator never appears inside a part. Numbers are written in a
/// fixed width with the sign folded in (two's complement offset for integers, the IEEE order-preserving bit
/// transform for floating point), dates and times in fixed-width ISO 8601 form.
/// </remarks>
public static class CompositeSortKeyEncoder
{
    /// <summary>The character between two encoded parts; it sorts below every character an encoded part contains.</summary>
    public const char Separator = '#';

    /// <summary>The character that introduces an escaped character of a text part.</summary>
    public const char Escape = '$';

    // An escaped character c is written as Escape followed by (c + EscapeShift): the shift keeps the escaped
    // characters in their own order and lands them on printable ASCII ('@' for U+0000 … 'd' for '$').
    private const int EscapeShift = 0x40;

    /// <summary>The composite sort-key value of a full key: every sort-key part, in order.</summary>
    /// <param name="parts">The stored (provider) values of the sort-key parts, in key order.</param>
    public static string Encode(IReadOnlyList<object?> parts)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(Separator);
            }

            AppendPart(builder, parts[i], i);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The <c>begins_with</c> operand that selects every key whose leading sort-key parts equal
    /// <paramref name="leadingParts"/>: each encoded part followed by <see cref="Separator"/>.
    /// </summary>
    /// <param name="leadingParts">The stored values of a leading run of the sort-key parts, shorter than the key.</param>
    public static string EncodePrefix(IReadOnlyList<object?> leadingParts)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < leadingParts.Count; i++)
        {
            AppendPart(builder, leadingParts[i], i);
            builder.Append(Separator);
        }

        return builder.ToString();
    }

    /// <summary>True when a part stored as <paramref name="storedType" /> can be encoded in sortable form.</summary>
    public static bool CanEncode(Type storedType)
    {
        var type = Nullable.GetUnderlyingType(storedType) ?? storedType;
        return type.IsEnum
            || type == typeof(string) || type == typeof(bool) || type == typeof(byte[]) || type == typeof(Guid)
            || type == typeof(sbyte) || type == typeof(short) || type == typeof(int) || type == typeof(long)
            || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong)
            || type == typeof(float) || type == typeof(double)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan);
    }

    private static void AppendPart(StringBuilder builder, object? value, int position)
    {
        switch (value)
        {
            case null:
                throw new InvalidOperationException(DynamoDbStrings.CompositeSortKeyNullPart(position));
            case string text:
                AppendText(builder, text);
                break;
            case bool flag:
                builder.Append(flag ? '1' : '0');
                break;
            case sbyte or short or int or long:
                AppendHex(builder, unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture) ^ 0x8000000000000000UL));
                break;
            case byte or ushort or uint or ulong:
                AppendHex(builder, Convert.ToUInt64(value, CultureInfo.InvariantCulture));
                break;
            case Enum:
                AppendPart(builder, Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture), position);
                break;
            case float single:
                AppendHex(builder, OrderedBits(single));
                break;
            case double number:
                AppendHex(builder, OrderedBits(number));
                break;
            case DateTime dateTime:
                builder.Append(dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset dateTimeOffset:
                // By instant, as DynamoDB orders the provider's stored DateTimeOffset in key conditions.
                builder.Append(dateTimeOffset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                builder.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimeOnly time:
                builder.Append(time.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
                break;
            case TimeSpan span:
                AppendHex(builder, unchecked((ulong)span.Ticks ^ 0x8000000000000000UL));
                break;
            case Guid guid:
                builder.Append(guid.ToString("D"));
                break;
            case byte[] bytes:
                // Binary attributes sort by unsigned bytes; two hex digits a byte keep that order and are prefix-safe.
                builder.Append(Convert.ToHexString(bytes));
                break;
            default:
                throw new InvalidOperationException(DynamoDbStrings.CompositeSortKeyPartType(position, value.GetType().Name));
        }
    }

    private static void AppendText(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            if (c <= Escape)
            {
                builder.Append(Escape).Append((char)(c + EscapeShift));
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    private static void AppendHex(StringBuilder builder, ulong value)
        => builder.Append(value.ToString("X16", CultureInfo.InvariantCulture));

    private static ulong OrderedBits(double value)
    {
        // -0 and 0 are one key value; every NaN is the one DynamoDB cannot store anyway, refused by its writer.
        var bits = unchecked((ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0d : value));
        return (bits & 0x8000000000000000UL) != 0 ? ~bits : bits | 0x8000000000000000UL;
    }
}
