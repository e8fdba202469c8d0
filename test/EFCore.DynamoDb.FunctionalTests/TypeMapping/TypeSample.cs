namespace EFCore.DynamoDb.FunctionalTests.TypeMapping;

/// <summary>One property per scalar CLR type the provider maps, in plain and nullable forms.</summary>
public class TypeSample
{
    public string Id { get; set; } = "";

    public string String { get; set; } = "";

    public bool Bool { get; set; }

    public byte Byte { get; set; }

    public sbyte SByte { get; set; }

    public short Int16 { get; set; }

    public ushort UInt16 { get; set; }

    public int Int32 { get; set; }

    public uint UInt32 { get; set; }

    public long Int64 { get; set; }

    public ulong UInt64 { get; set; }

    public float Single { get; set; }

    public double Double { get; set; }

    public decimal Decimal { get; set; }

    public char Char { get; set; }

    public Guid Guid { get; set; }

    public DateTime DateTime { get; set; }

    public DateTime DateTimeUtc { get; set; }

    public DateTime DateTimeLocal { get; set; }

    public DateTimeOffset DateTimeOffset { get; set; }

    public DateOnly DateOnly { get; set; }

    public TimeOnly TimeOnly { get; set; }

    public TimeSpan TimeSpan { get; set; }

    public Shade Enum { get; set; }

    /// <summary>Stored as its name with HasConversion&lt;string&gt;().</summary>
    public Shade EnumAsString { get; set; }

    public byte[] Bytes { get; set; } = [];

    /// <summary>Stored as a number (1/0) with HasConversion&lt;int&gt;().</summary>
    public bool BoolAsNumber { get; set; }

    /// <summary>Stored as a number through a custom value converter.</summary>
    public Celsius Temperature { get; set; }

    /// <summary>Stored as a string through EF's built-in Uri converter.</summary>
    public Uri? Website { get; set; }

    public string? NullableString { get; set; }

    public bool? NullableBool { get; set; }

    public byte? NullableByte { get; set; }

    public int? NullableInt32 { get; set; }

    public long? NullableInt64 { get; set; }

    public ulong? NullableUInt64 { get; set; }

    public float? NullableSingle { get; set; }

    public double? NullableDouble { get; set; }

    public decimal? NullableDecimal { get; set; }

    public char? NullableChar { get; set; }

    public Guid? NullableGuid { get; set; }

    public DateTime? NullableDateTime { get; set; }

    public DateTimeOffset? NullableDateTimeOffset { get; set; }

    public DateOnly? NullableDateOnly { get; set; }

    public TimeOnly? NullableTimeOnly { get; set; }

    public TimeSpan? NullableTimeSpan { get; set; }

    public Shade? NullableEnum { get; set; }

    public Shade? NullableEnumAsString { get; set; }

    public byte[]? NullableBytes { get; set; }

    public Celsius? NullableTemperature { get; set; }
}
