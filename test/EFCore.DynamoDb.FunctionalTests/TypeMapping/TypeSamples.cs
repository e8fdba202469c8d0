namespace EFCore.DynamoDb.FunctionalTests.TypeMapping;

/// <summary>
/// The entities the type tests write. DynamoDB numbers hold 38 significant digits between 1E-130 and
/// 9.9999999999999999999999999999999999999E+125 in magnitude, so double.MaxValue (1.7976931348623157E+308) and
/// double.Epsilon (4.9E-324) cannot be stored at all; the double extremes here are the largest and smallest
/// magnitudes DynamoDB accepts instead. Every float, including float.MaxValue and float.Epsilon, fits.
/// </summary>
public static class TypeSamples
{
    /// <summary>The sample ids, in the order the fixture writes them.</summary>
    public static readonly string[] Ids = ["max", "min", "typical", "nulls"];

    /// <summary>A new instance of the sample with this id.</summary>
    public static TypeSample Create(string id)
        => id switch
        {
            "max" => Max(),
            "min" => Min(),
            "typical" => Typical(),
            "nulls" => Nulls(),
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
        };

    /// <summary>Local time used by the samples; its stored text depends on the machine's time zone.</summary>
    public static readonly DateTime LocalTime = new DateTime(2024, 2, 29, 13, 14, 15, DateTimeKind.Local).AddTicks(1234567);

    /// <summary>An instant at +05:30, stored as the same instant in UTC.</summary>
    public static readonly DateTimeOffset OffsetTime = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(5.5)).AddTicks(1234567);

    /// <summary>Every property at (or near, for double) its largest value.</summary>
    public static TypeSample Max()
        => new()
        {
            Id = "max",
            String = "Zoë — 日本語 🚀 \"quoted\" \\ back\nslash",
            Bool = true,
            Byte = byte.MaxValue,
            SByte = sbyte.MaxValue,
            Int16 = short.MaxValue,
            UInt16 = ushort.MaxValue,
            Int32 = int.MaxValue,
            UInt32 = uint.MaxValue,
            Int64 = long.MaxValue,
            UInt64 = ulong.MaxValue,
            Single = float.MaxValue,
            Double = 9.99E+125,
            Decimal = decimal.MaxValue,
            Char = char.MaxValue,
            Guid = Guid.AllBitsSet,
            DateTime = DateTime.MaxValue,
            DateTimeUtc = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
            DateTimeLocal = LocalTime,
            DateTimeOffset = DateTimeOffset.MaxValue,
            DateOnly = DateOnly.MaxValue,
            TimeOnly = TimeOnly.MaxValue,
            TimeSpan = TimeSpan.MaxValue,
            Enum = Shade.Highest,
            EnumAsString = Shade.Highest,
            Bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
            BoolAsNumber = true,
            Temperature = new Celsius(1000.5m),
            Website = new Uri("https://example.com/shop?item=42&q=x"),
            NullableString = "set",
            NullableBool = true,
            NullableByte = byte.MaxValue,
            NullableInt32 = int.MaxValue,
            NullableInt64 = long.MaxValue,
            NullableUInt64 = ulong.MaxValue,
            NullableSingle = float.MaxValue,
            NullableDouble = 9.99E+125,
            NullableDecimal = decimal.MaxValue,
            NullableChar = 'z',
            NullableGuid = Guid.AllBitsSet,
            NullableDateTime = DateTime.MaxValue,
            NullableDateTimeOffset = DateTimeOffset.MaxValue,
            NullableDateOnly = DateOnly.MaxValue,
            NullableTimeOnly = TimeOnly.MaxValue,
            NullableTimeSpan = TimeSpan.MaxValue,
            NullableEnum = Shade.Highest,
            NullableEnumAsString = Shade.Highest,
            NullableBytes = [255],
            NullableTemperature = new Celsius(1000.5m),
        };

    /// <summary>Every property at its smallest value (the most negative; the smallest magnitudes in the nullable forms).</summary>
    public static TypeSample Min()
        => new()
        {
            Id = "min",
            String = "",
            Bool = false,
            Byte = byte.MinValue,
            SByte = sbyte.MinValue,
            Int16 = short.MinValue,
            UInt16 = ushort.MinValue,
            Int32 = int.MinValue,
            UInt32 = uint.MinValue,
            Int64 = long.MinValue,
            UInt64 = ulong.MinValue,
            Single = float.MinValue,
            Double = -9.99E+125,
            Decimal = decimal.MinValue,
            Char = '\0',
            Guid = Guid.Empty,
            DateTime = DateTime.MinValue,
            DateTimeUtc = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
            DateTimeLocal = LocalTime,
            DateTimeOffset = DateTimeOffset.MinValue,
            DateOnly = DateOnly.MinValue,
            TimeOnly = TimeOnly.MinValue,
            TimeSpan = TimeSpan.MinValue,
            Enum = Shade.Lowest,
            EnumAsString = Shade.Lowest,
            Bytes = [],
            BoolAsNumber = false,
            Temperature = new Celsius(-273.15m),
            Website = new Uri("relative/path", UriKind.Relative),
            NullableString = "",
            NullableBool = false,
            NullableByte = byte.MinValue,
            NullableInt32 = int.MinValue,
            NullableInt64 = long.MinValue,
            NullableUInt64 = ulong.MinValue,
            NullableSingle = float.Epsilon,
            NullableDouble = 1E-130,
            NullableDecimal = 0.0000000000000000000000000001m,
            NullableChar = '\0',
            NullableGuid = Guid.Empty,
            NullableDateTime = DateTime.MinValue,
            NullableDateTimeOffset = DateTimeOffset.MinValue,
            NullableDateOnly = DateOnly.MinValue,
            NullableTimeOnly = TimeOnly.MinValue,
            NullableTimeSpan = TimeSpan.MinValue,
            NullableEnum = Shade.Lowest,
            NullableEnumAsString = Shade.Lowest,
            NullableBytes = [],
            NullableTemperature = new Celsius(-273.15m),
        };

    /// <summary>Everyday values, including ones with many digits and non-UTC times.</summary>
    public static TypeSample Typical()
        => new()
        {
            Id = "typical",
            String = "hello",
            Bool = true,
            Byte = 42,
            SByte = -42,
            Int16 = -1234,
            UInt16 = 1234,
            Int32 = -123456,
            UInt32 = 123456,
            Int64 = -1234567890123,
            UInt64 = 1234567890123,
            Single = 3.1415927f,
            Double = 0.1 + 0.2,
            Decimal = 1234567890.123456789012345678m,
            Char = 'é',
            Guid = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
            DateTime = new DateTime(2024, 2, 29, 13, 14, 15, DateTimeKind.Unspecified).AddTicks(1234567),
            DateTimeUtc = new DateTime(2024, 2, 29, 13, 14, 15, DateTimeKind.Utc).AddTicks(1234567),
            DateTimeLocal = LocalTime,
            DateTimeOffset = OffsetTime,
            DateOnly = new DateOnly(2024, 2, 29),
            TimeOnly = new TimeOnly(13, 14, 15).Add(TimeSpan.FromTicks(1234567)),
            TimeSpan = -TimeSpan.FromMinutes(90),
            Enum = Shade.Blue,
            EnumAsString = Shade.Blue,
            Bytes = [1, 2, 3],
            BoolAsNumber = true,
            Temperature = new Celsius(21.5m),
            Website = new Uri("https://example.com/"),
            NullableString = "typical",
            NullableBool = false,
            NullableByte = 7,
            NullableInt32 = 0,
            NullableInt64 = -1,
            NullableUInt64 = 1,
            NullableSingle = -0.5f,
            NullableDouble = 1.0 / 3.0,
            NullableDecimal = -0.1m,
            NullableChar = '"',
            NullableGuid = new Guid("c56a4180-65aa-42ec-a945-5fd21dec0538"),
            NullableDateTime = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            NullableDateTimeOffset = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(-8)),
            NullableDateOnly = new DateOnly(2000, 1, 1),
            NullableTimeOnly = new TimeOnly(0, 0, 1),
            NullableTimeSpan = new TimeSpan(1, 2, 3, 4, 5),
            NullableEnum = Shade.Red,
            NullableEnumAsString = Shade.Green,
            NullableBytes = [0],
            NullableTemperature = new Celsius(0m),
        };

    /// <summary>Every nullable property null; the others at their defaults.</summary>
    public static TypeSample Nulls()
        => new() { Id = "nulls" };
}
