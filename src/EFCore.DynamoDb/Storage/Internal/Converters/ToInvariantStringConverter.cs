using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal.Converters;

/// <summary>
/// Stores a number as its invariant-culture text, for key templates whose values are not text
/// (<c>"ORDER#" + OrderNumber</c>). Integers are zero-padded to their type's full width, so non-negative values
/// sort as numbers and sort-key ranges stay correct; parsing accepts unpadded text too.
/// </summary>
public class ToInvariantStringConverter<T>()
    : ValueConverter<T, string>(v => ToText(v), v => FromText(v))
    where T : IFormattable, IParsable<T>
{
    private static readonly string? IntegerFormat = Type.GetTypeCode(typeof(T)) switch
    {
        TypeCode.Byte or TypeCode.SByte => "D3",
        TypeCode.Int16 or TypeCode.UInt16 => "D5",
        TypeCode.Int32 or TypeCode.UInt32 => "D10",
        TypeCode.Int64 => "D19",
        TypeCode.UInt64 => "D20",
        _ => null,
    };

    /// <summary>The invariant text of the value.</summary>
    public static string ToText(T value) => value.ToString(IntegerFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses invariant text.</summary>
    public static T FromText(string value) => T.Parse(value, CultureInfo.InvariantCulture);
}
