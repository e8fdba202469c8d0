using System.Globalization;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Turns provider-typed values (string, bool, byte[], numbers) into <see cref="AttributeValue" />s: numbers in
/// invariant culture and in their shortest round-trip form, so a double or decimal reads back exactly.
/// </summary>
public static class AttributeValueWriter
{
    // DynamoDB rejects numbers beyond these magnitudes; every float is within them, not every double.
    private const double SmallestMagnitude = 1E-130;
    private const double MagnitudeLimit = 1E126;

    /// <summary>The attribute type a provider CLR type is stored as, or null when it is not a scalar DynamoDB type.</summary>
    public static DynamoDbAttributeType? GetAttributeType(Type providerClrType)
    {
        var type = Nullable.GetUnderlyingType(providerClrType) ?? providerClrType;
        if (type == typeof(string))
        {
            return DynamoDbAttributeType.String;
        }

        if (type == typeof(bool))
        {
            return DynamoDbAttributeType.Boolean;
        }

        if (type == typeof(byte[]))
        {
            return DynamoDbAttributeType.Binary;
        }

        return type == typeof(byte) || type == typeof(sbyte) || type == typeof(short) || type == typeof(ushort)
            || type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong)
            || type == typeof(float) || type == typeof(double) || type == typeof(decimal)
                ? DynamoDbAttributeType.Number
                : null;
    }

    /// <summary>Writes a non-null provider value.</summary>
    public static AttributeValue Write(object providerValue)
        => providerValue switch
        {
            string s => new AttributeValue { S = s },
            bool b => new AttributeValue { BOOL = b },
            byte[] bytes => new AttributeValue { B = new MemoryStream(bytes, writable: false) },
            int i => Number(i.ToString(CultureInfo.InvariantCulture)),
            long l => Number(l.ToString(CultureInfo.InvariantCulture)),
            decimal m => Number(m.ToString(CultureInfo.InvariantCulture)),
            double d => Number(FormatDouble(d)),
            float f => Number(FormatSingle(f)),
            short s16 => Number(s16.ToString(CultureInfo.InvariantCulture)),
            byte u8 => Number(u8.ToString(CultureInfo.InvariantCulture)),
            sbyte s8 => Number(s8.ToString(CultureInfo.InvariantCulture)),
            ushort u16 => Number(u16.ToString(CultureInfo.InvariantCulture)),
            uint u32 => Number(u32.ToString(CultureInfo.InvariantCulture)),
            ulong u64 => Number(u64.ToString(CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException(
                $"No DynamoDB attribute writer exists for a value of type '{providerValue.GetType().ShortDisplayName()}'."),
        };

    private static AttributeValue Number(string text) => new() { N = text };

    private static string FormatDouble(double value)
        => double.IsFinite(value) && (value == 0 || Math.Abs(value) is >= SmallestMagnitude and < MagnitudeLimit)
            ? value.ToString("R", CultureInfo.InvariantCulture)
            : throw new InvalidOperationException(DynamoDbStrings.InvalidNumber(value.ToString(CultureInfo.InvariantCulture)));

    private static string FormatSingle(float value)
        => float.IsFinite(value)
            ? value.ToString("R", CultureInfo.InvariantCulture)
            : throw new InvalidOperationException(DynamoDbStrings.InvalidNumber(value.ToString(CultureInfo.InvariantCulture)));
}
