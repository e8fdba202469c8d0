using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests;

public sealed class DynamoDbTypeMappingTests : IDisposable
{
    private const string Attribute = "a";
    private readonly ShopContext _db = TestContexts.Shop();

    public void Dispose() => _db.Dispose();

    private DynamoDbTypeMapping Mapping(Type type)
        => Assert.IsType<DynamoDbTypeMapping>(_db.GetService<ITypeMappingSource>().FindMapping(type), exactMatch: false);

    private string Write(object value) => AttributeValues.Describe(Mapping(value.GetType()).CreateAttributeValue(value));

    private static Func<Dictionary<string, AttributeValue>, object?> CompileRead(DynamoDbTypeMapping mapping, Type targetType)
    {
        var item = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");
        var read = mapping.CreateReadExpression(item, Attribute, targetType);
        Assert.Equal(targetType, read.Type);
        return Expression.Lambda<Func<Dictionary<string, AttributeValue>, object?>>(Expression.Convert(read, typeof(object)), item).Compile();
    }

    private object? Read(Type targetType, AttributeValue? value)
    {
        var item = new Dictionary<string, AttributeValue> { ["other"] = new() { S = "ignored" } };
        if (value is not null)
        {
            item[Attribute] = value;
        }

        return CompileRead(Mapping(Nullable.GetUnderlyingType(targetType) ?? targetType), targetType)(item);
    }

    private object? RoundTrip(object value) => Read(value.GetType(), Mapping(value.GetType()).CreateAttributeValue(value));

    [Theory]
    [InlineData(typeof(string), DynamoDbAttributeType.String)]
    [InlineData(typeof(bool), DynamoDbAttributeType.Boolean)]
    [InlineData(typeof(byte[]), DynamoDbAttributeType.Binary)]
    [InlineData(typeof(byte), DynamoDbAttributeType.Number)]
    [InlineData(typeof(sbyte), DynamoDbAttributeType.Number)]
    [InlineData(typeof(short), DynamoDbAttributeType.Number)]
    [InlineData(typeof(ushort), DynamoDbAttributeType.Number)]
    [InlineData(typeof(int), DynamoDbAttributeType.Number)]
    [InlineData(typeof(uint), DynamoDbAttributeType.Number)]
    [InlineData(typeof(long), DynamoDbAttributeType.Number)]
    [InlineData(typeof(ulong), DynamoDbAttributeType.Number)]
    [InlineData(typeof(float), DynamoDbAttributeType.Number)]
    [InlineData(typeof(double), DynamoDbAttributeType.Number)]
    [InlineData(typeof(decimal), DynamoDbAttributeType.Number)]
    [InlineData(typeof(char), DynamoDbAttributeType.String)]
    [InlineData(typeof(Guid), DynamoDbAttributeType.String)]
    [InlineData(typeof(DateTime), DynamoDbAttributeType.String)]
    [InlineData(typeof(DateTimeOffset), DynamoDbAttributeType.String)]
    [InlineData(typeof(DateOnly), DynamoDbAttributeType.String)]
    [InlineData(typeof(TimeOnly), DynamoDbAttributeType.String)]
    [InlineData(typeof(TimeSpan), DynamoDbAttributeType.String)]
    [InlineData(typeof(OrderStatus), DynamoDbAttributeType.Number)]
    public void Each_scalar_type_maps_to_its_attribute_type(Type clrType, DynamoDbAttributeType attributeType)
        => Assert.Equal(attributeType, Mapping(clrType).AttributeType);

    [Theory]
    [InlineData(typeof(int?), DynamoDbAttributeType.Number)]
    [InlineData(typeof(bool?), DynamoDbAttributeType.Boolean)]
    [InlineData(typeof(Guid?), DynamoDbAttributeType.String)]
    [InlineData(typeof(OrderStatus?), DynamoDbAttributeType.Number)]
    public void Nullable_types_map_like_their_underlying_type(Type clrType, DynamoDbAttributeType attributeType)
        => Assert.Equal(attributeType, Mapping(clrType).AttributeType);

    public static TheoryData<object, string> NumberTexts => new()
    {
        { (byte)0, "N:0" },
        { byte.MaxValue, "N:255" },
        { sbyte.MinValue, "N:-128" },
        { short.MinValue, "N:-32768" },
        { ushort.MaxValue, "N:65535" },
        { int.MinValue, "N:-2147483648" },
        { int.MaxValue, "N:2147483647" },
        { uint.MaxValue, "N:4294967295" },
        { long.MinValue, "N:-9223372036854775808" },
        { long.MaxValue, "N:9223372036854775807" },
        { ulong.MaxValue, "N:18446744073709551615" },
        { 0.1f, "N:0.1" },
        { float.MaxValue, "N:3.4028235E+38" },
        { float.Epsilon, "N:1E-45" },
        { 0.1, "N:0.1" },
        { 1.0 / 3, "N:0.3333333333333333" },
        { -2.5e-7, "N:-2.5E-07" },
        { 1e125, "N:1E+125" },
        { 1e-130, "N:1E-130" },
        { 0.0, "N:0" },
        { decimal.MaxValue, "N:79228162514264337593543950335" },
        { decimal.MinValue, "N:-79228162514264337593543950335" },
        { 0.0000000000000000000000000001m, "N:0.0000000000000000000000000001" },
        { 1.50m, "N:1.50" },
        { 12345678901234567890.123456789m, "N:12345678901234567890.123456789" },
    };

    [Theory]
    [MemberData(nameof(NumberTexts))]
    public void Numbers_are_written_as_exact_invariant_text(object value, string expected)
        => Assert.Equal(expected, Write(value));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_double_that_is_not_finite_cannot_be_written(double value)
        => Assert.Equal(
            DynamoDbStrings.InvalidNumber(value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Assert.Throws<InvalidOperationException>(() => Write(value)).Message);

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void A_float_that_is_not_finite_cannot_be_written(float value)
        => Assert.Equal(
            DynamoDbStrings.InvalidNumber(value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Assert.Throws<InvalidOperationException>(() => Write(value)).Message);

    [Theory]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(-1e126, "-1E+126")]
    [InlineData(1e-131, "1E-131")]
    [InlineData(double.Epsilon, "5E-324")]
    public void A_double_outside_DynamoDB_number_range_cannot_be_written(double value, string text)
        => Assert.Equal(
            DynamoDbStrings.InvalidNumber(text),
            Assert.Throws<InvalidOperationException>(() => Write(value)).Message);

    [Fact]
    public void A_string_is_written_as_S()
        => Assert.Equal("S:héllo, wörld", Write("héllo, wörld"));

    [Fact]
    public void An_empty_string_is_written_as_an_empty_S()
        => Assert.Equal("S:", Write(""));

    [Fact]
    public void A_bool_is_written_as_BOOL()
    {
        Assert.Equal("BOOL:true", Write(true));
        Assert.Equal("BOOL:false", Write(false));
    }

    [Fact]
    public void A_byte_array_is_written_as_B()
        => Assert.Equal("B:AAEC/w==", Write(new byte[] { 0, 1, 2, 255 }));

    [Fact]
    public void A_char_is_written_as_a_one_character_S()
        => Assert.Equal("S:x", Write('x'));

    [Fact]
    public void A_Guid_is_written_in_D_format()
        => Assert.Equal("S:0f8fad5b-d9cb-469f-a165-70867728950e", Write(Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E")));

    [Fact]
    public void A_UTC_DateTime_is_written_in_ISO_8601_round_trip_format()
        => Assert.Equal("S:2024-01-02T03:04:05.0000006Z", Write(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(6)));

    [Fact]
    public void An_unspecified_DateTime_is_written_without_an_offset()
        => Assert.Equal("S:2024-01-02T03:04:05.0000000", Write(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified)));

    [Fact]
    public void DateTime_extremes_are_written_at_fixed_width()
    {
        Assert.Equal("S:0001-01-01T00:00:00.0000000", Write(DateTime.MinValue));
        Assert.Equal("S:9999-12-31T23:59:59.9999999", Write(DateTime.MaxValue));
    }

    [Fact]
    public void A_DateTimeOffset_is_written_as_its_UTC_instant_followed_by_its_offset()
        => Assert.Equal("S:2024-01-02T01:04:05.0000000Z[+02:00]", Write(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))));

    [Fact]
    public void DateTimeOffsets_from_different_offsets_sort_by_instant()
    {
        var earlier = Write(new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.FromHours(5)));
        var later = Write(new DateTimeOffset(2024, 1, 2, 9, 0, 0, TimeSpan.FromHours(-1)));

        Assert.True(string.CompareOrdinal(earlier, later) < 0);
    }

    [Fact]
    public void A_DateOnly_is_written_as_year_month_day()
        => Assert.Equal("S:2024-01-02", Write(new DateOnly(2024, 1, 2)));

    [Fact]
    public void A_TimeOnly_is_written_at_fixed_width_with_seven_fraction_digits()
    {
        Assert.Equal("S:03:04:05.0000006", Write(new TimeOnly(3, 4, 5).Add(TimeSpan.FromTicks(6))));
        Assert.Equal("S:03:04:05.0000000", Write(new TimeOnly(3, 4, 5)));
    }

    [Fact]
    public void A_TimeSpan_is_written_at_fixed_width()
    {
        Assert.Equal("S:00000001.02:03:04.0050000", Write(new TimeSpan(1, 2, 3, 4, 5)));
        Assert.Equal("S:00000000.00:00:00.0000000", Write(TimeSpan.Zero));
        Assert.Equal("S:10675199.02:48:05.4775807", Write(TimeSpan.MaxValue));
    }

    [Fact]
    public void A_negative_TimeSpan_is_written_with_a_leading_minus()
        => Assert.Equal("S:-00000001.02:03:04.0000000", Write(new TimeSpan(-1, -2, -3, -4)));

    [Fact]
    public void An_enum_is_written_as_its_number()
    {
        Assert.Equal("N:1", Write(OrderStatus.Shipped));
        Assert.Equal("N:0", Write(OrderStatus.Placed));
    }

    [Fact]
    public void An_enum_with_a_long_underlying_type_is_written_as_its_number()
        => Assert.Equal("N:-5000000000", Write(Wide.Big));

    [Fact]
    public void An_enum_value_with_no_name_is_written_as_its_number()
        => Assert.Equal("N:42", Write((OrderStatus)42));

    [Fact]
    public void An_enum_converted_to_string_is_written_as_its_name()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Order>(o =>
        {
            o.HasKey(x => new { x.CustomerId, x.OrderId });
            o.Property(x => x.Status).HasConversion<string>();
            o.Ignore(x => x.Customer);
        }));
        var mapping = (DynamoDbTypeMapping)db.Model.FindEntityType(typeof(Order))!.FindProperty(nameof(Order.Status))!.GetTypeMapping();

        Assert.Equal(DynamoDbAttributeType.String, mapping.AttributeType);
        Assert.Equal("S:Shipped", AttributeValues.Describe(mapping.CreateAttributeValue(OrderStatus.Shipped)));
        Assert.Equal(OrderStatus.Delivered, CompileRead(mapping, typeof(OrderStatus))(new() { [Attribute] = new AttributeValue { S = "Delivered" } }));
    }

    [Fact]
    public void A_property_with_a_value_converter_uses_the_provider_type()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Product>().Property(p => p.Stock).HasConversion(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture), v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
        var mapping = (DynamoDbTypeMapping)db.Model.FindEntityType(typeof(Product))!.FindProperty(nameof(Product.Stock))!.GetTypeMapping();

        Assert.Equal(DynamoDbAttributeType.String, mapping.AttributeType);
        Assert.Equal("S:12", AttributeValues.Describe(mapping.CreateAttributeValue(12)));
        Assert.Equal(12, CompileRead(mapping, typeof(int))(new() { [Attribute] = new AttributeValue { S = "12" } }));
    }

    public static TheoryData<object> ScalarValues => new()
    {
        "text",
        "",
        true,
        false,
        (byte)7,
        byte.MaxValue,
        sbyte.MinValue,
        short.MinValue,
        ushort.MaxValue,
        int.MinValue,
        int.MaxValue,
        uint.MaxValue,
        long.MinValue,
        long.MaxValue,
        ulong.MaxValue,
        0.1f,
        float.MaxValue,
        float.MinValue,
        float.Epsilon,
        0.1,
        1.0 / 3,
        -Math.BitDecrement(1e126),
        1.0000000000000001e-130,
        decimal.MaxValue,
        decimal.MinValue,
        0.0000000000000000000000000001m,
        'x',
        Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Guid.Empty,
        new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(6),
        new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified),
        DateTime.MinValue,
        DateTime.MaxValue,
        new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
        DateTimeOffset.MinValue,
        DateTimeOffset.MaxValue,
        new DateOnly(2024, 1, 2),
        DateOnly.MinValue,
        DateOnly.MaxValue,
        new TimeOnly(3, 4, 5).Add(TimeSpan.FromTicks(6)),
        TimeOnly.MinValue,
        TimeOnly.MaxValue,
        new TimeSpan(1, 2, 3, 4, 5),
        new TimeSpan(-1, -2, -3, -4),
        TimeSpan.MaxValue,
        TimeSpan.MinValue,
        OrderStatus.Delivered,
        Wide.Big,
    };

    [Theory]
    [MemberData(nameof(ScalarValues))]
    public void Each_scalar_value_reads_back_exactly(object value)
    {
        var read = RoundTrip(value);

        Assert.Equal(value, read);
        Assert.IsType(value.GetType(), read);
    }

    [Fact]
    public void A_byte_array_reads_back_exactly()
        => Assert.Equal(new byte[] { 0, 1, 2, 255 }, RoundTrip(new byte[] { 0, 1, 2, 255 }));

    [Fact]
    public void A_DateTime_reads_back_with_its_kind()
    {
        Assert.Equal(DateTimeKind.Utc, ((DateTime)RoundTrip(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc))!).Kind);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)RoundTrip(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Unspecified))!).Kind);
    }

    [Fact]
    public void A_DateTimeOffset_reads_back_exactly_offset_included()
    {
        var value = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-7));

        var read = (DateTimeOffset)RoundTrip(value)!;

        Assert.True(value.EqualsExact(read));
    }

    [Fact]
    public void A_decimal_with_trailing_zeros_reads_back_with_the_value_DynamoDB_returns()
        => Assert.Equal(1.5m, Read(typeof(decimal), new AttributeValue { N = "1.5" }));

    [Fact]
    public void A_number_in_exponent_notation_reads_as_a_double()
        => Assert.Equal(1.5e20, Read(typeof(double), new AttributeValue { N = "1.5E+20" }));

    [Theory]
    [InlineData(typeof(int?), 5)]
    [InlineData(typeof(bool?), true)]
    [InlineData(typeof(double?), 2.5)]
    public void A_nullable_property_reads_a_present_value(Type targetType, object value)
        => Assert.Equal(value, Read(targetType, Mapping(value.GetType()).CreateAttributeValue(value)));

    [Fact]
    public void A_nullable_enum_reads_a_present_value()
        => Assert.Equal(OrderStatus.Shipped, Read(typeof(OrderStatus?), new AttributeValue { N = "1" }));

    [Theory]
    [InlineData(typeof(int?))]
    [InlineData(typeof(bool?))]
    [InlineData(typeof(decimal?))]
    [InlineData(typeof(Guid?))]
    [InlineData(typeof(DateTime?))]
    [InlineData(typeof(DateTimeOffset?))]
    [InlineData(typeof(DateOnly?))]
    [InlineData(typeof(TimeOnly?))]
    [InlineData(typeof(TimeSpan?))]
    [InlineData(typeof(OrderStatus?))]
    [InlineData(typeof(string))]
    [InlineData(typeof(byte[]))]
    public void A_missing_attribute_reads_as_null(Type targetType)
        => Assert.Null(Read(targetType, null));

    [Theory]
    [InlineData(typeof(int?))]
    [InlineData(typeof(bool?))]
    [InlineData(typeof(Guid?))]
    [InlineData(typeof(DateTime?))]
    [InlineData(typeof(OrderStatus?))]
    [InlineData(typeof(string))]
    [InlineData(typeof(byte[]))]
    public void A_NULL_attribute_reads_as_null(Type targetType)
        => Assert.Null(Read(targetType, new AttributeValue { NULL = true }));

    [Fact]
    public void A_missing_attribute_reads_as_the_default_of_a_non_nullable_type()
    {
        Assert.Equal(0, Read(typeof(int), null));
        Assert.Equal(false, Read(typeof(bool), null));
        Assert.Equal(0m, Read(typeof(decimal), null));
        Assert.Equal(Guid.Empty, Read(typeof(Guid), null));
        Assert.Equal(default(DateTime), Read(typeof(DateTime), null));
        Assert.Equal(OrderStatus.Placed, Read(typeof(OrderStatus), null));
    }

    [Fact]
    public void A_NULL_attribute_reads_as_the_default_of_a_non_nullable_type()
    {
        Assert.Equal(0L, Read(typeof(long), new AttributeValue { NULL = true }));
        Assert.Equal(false, Read(typeof(bool), new AttributeValue { NULL = true }));
    }

    [Fact]
    public void A_string_attribute_read_as_a_number_is_a_clear_error()
        => Assert.Equal(
            DynamoDbStrings.UnexpectedAttributeType(Attribute, "N", "S"),
            Assert.Throws<InvalidOperationException>(() => Read(typeof(int), new AttributeValue { S = "12" })).Message);

    [Fact]
    public void A_number_attribute_read_as_a_string_is_a_clear_error()
        => Assert.Equal(
            DynamoDbStrings.UnexpectedAttributeType(Attribute, "S", "N"),
            Assert.Throws<InvalidOperationException>(() => Read(typeof(string), new AttributeValue { N = "12" })).Message);

    [Fact]
    public void A_number_attribute_read_as_a_bool_is_a_clear_error()
        => Assert.Equal(
            DynamoDbStrings.UnexpectedAttributeType(Attribute, "BOOL", "N"),
            Assert.Throws<InvalidOperationException>(() => Read(typeof(bool), new AttributeValue { N = "1" })).Message);

    [Fact]
    public void A_string_attribute_read_as_binary_is_a_clear_error()
        => Assert.Equal(
            DynamoDbStrings.UnexpectedAttributeType(Attribute, "B", "S"),
            Assert.Throws<InvalidOperationException>(() => Read(typeof(byte[]), new AttributeValue { S = "AAE=" })).Message);

    [Fact]
    public void A_bool_attribute_read_as_a_Guid_is_a_clear_error()
        => Assert.Equal(
            DynamoDbStrings.UnexpectedAttributeType(Attribute, "S", "BOOL"),
            Assert.Throws<InvalidOperationException>(() => Read(typeof(Guid), new AttributeValue { BOOL = true })).Message);

    [Fact]
    public void A_list_attribute_read_as_a_nullable_number_is_a_clear_error()
        => Assert.Equal(
            DynamoDbStrings.UnexpectedAttributeType(Attribute, "N", "L"),
            Assert.Throws<InvalidOperationException>(() => Read(typeof(int?), new AttributeValue { L = [new AttributeValue { N = "1" }] })).Message);

    public enum Wide : long
    {
        Big = -5_000_000_000,
    }
}
