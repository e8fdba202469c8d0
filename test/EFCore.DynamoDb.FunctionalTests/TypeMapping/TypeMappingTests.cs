using System.Globalization;
using System.Reflection;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TypeMapping;

/// <summary>
/// Every scalar type round-trips: written by the provider, the raw item holds the documented attribute type and
/// text; read back through the provider, every value equals what was saved.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class TypeMappingTests(TypeMappingFixture fixture) : IClassFixture<TypeMappingFixture>
{
    private static readonly PropertyInfo[] Properties = typeof(TypeSample).GetProperties();

    private static readonly string[] NullableProperties = Properties
        .Where(p => p.Name.StartsWith("Nullable", StringComparison.Ordinal) || p.Name == nameof(TypeSample.Website))
        .Select(p => p.Name)
        .ToArray();

    public static TheoryData<string, string, string, string> StoredForms => new()
    {
        { "max", "String", "S", "Zoë — 日本語 🚀 \"quoted\" \\ back\nslash" },
        { "max", "Bool", "BOOL", "true" },
        { "max", "Byte", "N", "255" },
        { "max", "SByte", "N", "127" },
        { "max", "Int16", "N", "32767" },
        { "max", "UInt16", "N", "65535" },
        { "max", "Int32", "N", "2147483647" },
        { "max", "UInt32", "N", "4294967295" },
        { "max", "Int64", "N", "9223372036854775807" },
        { "max", "UInt64", "N", "18446744073709551615" },
        { "max", "Single", "N", "3.4028235E+38" },
        { "max", "Double", "N", "9.99E+125" },
        { "max", "Decimal", "N", "79228162514264337593543950335" },
        { "max", "Char", "S", "\uFFFF" },
        { "max", "Guid", "S", "ffffffff-ffff-ffff-ffff-ffffffffffff" },
        { "max", "DateTime", "S", "9999-12-31T23:59:59.9999999" },
        { "max", "DateTimeUtc", "S", "9999-12-31T23:59:59.9999999Z" },
        { "max", "DateTimeOffset", "S", "9999-12-31T23:59:59.9999999Z" },
        { "max", "DateOnly", "S", "9999-12-31" },
        { "max", "TimeOnly", "S", "23:59:59.9999999" },
        { "max", "TimeSpan", "S", "10675199.02:48:05.4775807" },
        { "max", "Enum", "N", "2147483647" },
        { "max", "EnumAsString", "S", "Highest" },
        { "max", "Bytes", "B", Convert.ToHexString(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray()) },
        { "max", "BoolAsNumber", "N", "1" },
        { "max", "Temperature", "N", "1000.5" },
        { "max", "Website", "S", "https://example.com/shop?item=42&q=x" },
        { "max", "NullableUInt64", "N", "18446744073709551615" },
        { "max", "NullableDecimal", "N", "79228162514264337593543950335" },
        { "max", "NullableEnumAsString", "S", "Highest" },
        { "min", "String", "S", "" },
        { "min", "Bool", "BOOL", "false" },
        { "min", "Byte", "N", "0" },
        { "min", "SByte", "N", "-128" },
        { "min", "Int16", "N", "-32768" },
        { "min", "UInt16", "N", "0" },
        { "min", "Int32", "N", "-2147483648" },
        { "min", "UInt32", "N", "0" },
        { "min", "Int64", "N", "-9223372036854775808" },
        { "min", "UInt64", "N", "0" },
        { "min", "Single", "N", "-3.4028235E+38" },
        { "min", "Double", "N", "-9.99E+125" },
        { "min", "Decimal", "N", "-79228162514264337593543950335" },
        { "min", "Char", "S", "\0" },
        { "min", "Guid", "S", "00000000-0000-0000-0000-000000000000" },
        { "min", "DateTime", "S", "0001-01-01T00:00:00.0000000" },
        { "min", "DateTimeUtc", "S", "0001-01-01T00:00:00.0000000Z" },
        { "min", "DateTimeOffset", "S", "0001-01-01T00:00:00.0000000Z" },
        { "min", "DateOnly", "S", "0001-01-01" },
        { "min", "TimeOnly", "S", "00:00:00.0000000" },
        { "min", "TimeSpan", "S", "-10675199.02:48:05.4775808" },
        { "min", "Enum", "N", "-2147483648" },
        { "min", "EnumAsString", "S", "Lowest" },
        { "min", "Bytes", "B", "" },
        { "min", "BoolAsNumber", "N", "0" },
        { "min", "Temperature", "N", "-273.15" },
        { "min", "Website", "S", "relative/path" },
        { "min", "NullableString", "S", "" },
        { "min", "NullableSingle", "N", "1E-45" },
        { "min", "NullableDouble", "N", "1E-130" },
        { "min", "NullableDecimal", "N", "0.0000000000000000000000000001" },
        { "min", "NullableTimeSpan", "S", "-10675199.02:48:05.4775808" },
        { "min", "NullableBytes", "B", "" },
        { "typical", "SByte", "N", "-42" },
        { "typical", "Single", "N", "3.1415927" },
        { "typical", "Double", "N", "0.30000000000000004" },
        { "typical", "Decimal", "N", "1234567890.123456789012345678" },
        { "typical", "Char", "S", "é" },
        { "typical", "Guid", "S", "0f8fad5b-d9cb-469f-a165-70867728950e" },
        { "typical", "DateTime", "S", "2024-02-29T13:14:15.1234567" },
        { "typical", "DateTimeUtc", "S", "2024-02-29T13:14:15.1234567Z" },
        { "typical", "DateTimeLocal", "S", TypeSamples.LocalTime.ToString("O", CultureInfo.InvariantCulture) },
        { "typical", "DateTimeOffset", "S", "2024-05-06T01:38:09.1234567Z[+05:30]" },
        { "typical", "DateOnly", "S", "2024-02-29" },
        { "typical", "TimeOnly", "S", "13:14:15.1234567" },
        { "typical", "TimeSpan", "S", "-00000000.01:30:00.0000000" },
        { "typical", "Enum", "N", "3" },
        { "typical", "EnumAsString", "S", "Blue" },
        { "typical", "Bytes", "B", "010203" },
        { "typical", "Temperature", "N", "21.5" },
        { "typical", "NullableBool", "BOOL", "false" },
        { "typical", "NullableInt32", "N", "0" },
        { "typical", "NullableInt64", "N", "-1" },
        { "typical", "NullableSingle", "N", "-0.5" },
        { "typical", "NullableDouble", "N", "0.3333333333333333" },
        { "typical", "NullableDecimal", "N", "-0.1" },
        { "typical", "NullableChar", "S", "\"" },
        { "typical", "NullableGuid", "S", "c56a4180-65aa-42ec-a945-5fd21dec0538" },
        { "typical", "NullableDateTime", "S", "2000-01-01T00:00:00.0000000Z" },
        { "typical", "NullableDateTimeOffset", "S", "2000-01-01T08:00:00.0000000Z[-08:00]" },
        { "typical", "NullableDateOnly", "S", "2000-01-01" },
        { "typical", "NullableTimeOnly", "S", "00:00:01.0000000" },
        { "typical", "NullableTimeSpan", "S", "00000001.02:03:04.0050000" },
        { "typical", "NullableEnum", "N", "1" },
        { "typical", "NullableEnumAsString", "S", "Green" },
        { "typical", "NullableBytes", "B", "00" },
        { "typical", "NullableTemperature", "N", "0" },
    };

    public static TheoryData<string, bool> SamplesAndTracking
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var id in TypeSamples.Ids)
            {
                data.Add(id, true);
                data.Add(id, false);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(StoredForms))]
    public void Stored_attribute_has_the_documented_type_and_text(string sample, string attribute, string expectedType, string expectedText)
    {
        var item = fixture.RawItem(sample);

        Assert.True(item.ContainsKey(attribute), $"The item '{sample}' has no attribute '{attribute}'.");
        var (type, text) = Describe(item[attribute]);
        Assert.Equal(expectedType, type);
        if (type == "N")
        {
            // DynamoDB normalizes stored numbers (no exponent); what must hold is the exact value.
            Assert.Equal(DynamoDbNumber.Canonical(expectedText), DynamoDbNumber.Canonical(text));
        }
        else
        {
            Assert.Equal(expectedText, text);
        }
    }

    [Fact]
    public void Every_non_null_property_is_stored_under_its_property_name()
        => Assert.Equal(
            Properties.Select(p => p.Name).Order(StringComparer.Ordinal),
            fixture.RawItem("max").Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Null_values_are_not_written()
        => Assert.Equal(
            Properties.Select(p => p.Name).Except(NullableProperties).Order(StringComparer.Ordinal),
            fixture.RawItem("nulls").Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SamplesAndTracking))]
    public async Task FindAsync_reads_back_every_value_that_was_saved(string sample, bool tracking)
    {
        await using var context = fixture.CreateContext();
        context.ChangeTracker.QueryTrackingBehavior = tracking ? QueryTrackingBehavior.TrackAll : QueryTrackingBehavior.NoTracking;

        var actual = await context.Samples.FindAsync(sample);

        AssertSameValues(TypeSamples.Create(sample), actual);
    }

    [Theory]
    [MemberData(nameof(SamplesAndTracking))]
    public async Task Query_reads_back_every_value_that_was_saved(string sample, bool tracking)
    {
        await using var context = fixture.CreateContext();
        var query = tracking ? context.Samples : context.Samples.AsNoTracking();

        var actual = await query.Where(s => s.Id == sample).ToListAsync();

        AssertSameValues(TypeSamples.Create(sample), Assert.Single(actual));
        Assert.Equal(tracking ? EntityState.Unchanged : EntityState.Detached, context.Entry(actual[0]).State);
    }

    [Theory]
    [InlineData(nameof(TypeSample.DateTime), DateTimeKind.Unspecified)]
    [InlineData(nameof(TypeSample.DateTimeUtc), DateTimeKind.Utc)]
    [InlineData(nameof(TypeSample.DateTimeLocal), DateTimeKind.Local)]
    public async Task DateTime_reads_back_with_its_Kind(string property, DateTimeKind kind)
    {
        await using var context = fixture.CreateContext();

        var sample = await context.Samples.AsNoTracking().SingleAsync(s => s.Id == "typical");

        var value = (DateTime)typeof(TypeSample).GetProperty(property)!.GetValue(sample)!;
        Assert.Equal(kind, value.Kind);
        Assert.Equal(((DateTime)typeof(TypeSample).GetProperty(property)!.GetValue(TypeSamples.Typical())!).Ticks, value.Ticks);
    }

    [Fact]
    public async Task DateTimeOffset_with_an_offset_reads_back_exactly_offset_included()
    {
        await using var context = fixture.CreateContext();

        var sample = await context.Samples.AsNoTracking().SingleAsync(s => s.Id == "typical");

        Assert.True(TypeSamples.OffsetTime.EqualsExact(sample.DateTimeOffset), $"read {sample.DateTimeOffset:O}");
        Assert.Equal(TimeSpan.FromHours(5.5), sample.DateTimeOffset.Offset);
    }

    [Fact]
    public async Task DateTimeOffset_stored_in_UTC_by_earlier_versions_reads_back_with_a_zero_offset()
    {
        await using (var context = fixture.CreateContext())
        {
            var sample = TypeSamples.Typical();
            sample.Id = "utc-format";
            context.Samples.Add(sample);
            await context.SaveChangesAsync();
        }

        await fixture.RawClient.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = fixture.TableName("Samples"),
            Key = new() { ["Id"] = Attr.S("utc-format") },
            UpdateExpression = "SET #d = :d",
            ExpressionAttributeNames = new() { ["#d"] = "DateTimeOffset" },
            ExpressionAttributeValues = new() { [":d"] = Attr.S("2024-05-06T01:38:09.1234567Z") },
        });

        await using (var context = fixture.CreateContext())
        {
            var sample = await context.Samples.AsNoTracking().SingleAsync(s => s.Id == "utc-format");

            Assert.True(TypeSamples.OffsetTime.ToUniversalTime().EqualsExact(sample.DateTimeOffset), $"read {sample.DateTimeOffset:O}");
        }
    }

    [Fact]
    public async Task Null_values_read_back_as_null()
    {
        await using var context = fixture.CreateContext();

        var sample = await context.Samples.AsNoTracking().SingleAsync(s => s.Id == "nulls");

        Assert.All(NullableProperties, p => Assert.Null(typeof(TypeSample).GetProperty(p)!.GetValue(sample)));
    }

    [Fact]
    public async Task NULL_typed_attributes_written_by_other_tools_read_back_as_null()
    {
        await using (var context = fixture.CreateContext())
        {
            var sample = TypeSamples.Typical();
            sample.Id = "null-typed";
            context.Samples.Add(sample);
            await context.SaveChangesAsync();
        }

        await fixture.RawClient.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = fixture.TableName("Samples"),
            Key = new() { ["Id"] = Attr.S("null-typed") },
            UpdateExpression = "SET " + string.Join(", ", NullableProperties.Select((_, i) => $"#a{i} = :null")),
            ExpressionAttributeNames = NullableProperties.Select((p, i) => (p, i)).ToDictionary(x => $"#a{x.i}", x => x.p),
            ExpressionAttributeValues = new() { [":null"] = Attr.Null() },
        });

        await using (var context = fixture.CreateContext())
        {
            var tracked = await context.Samples.FindAsync("null-typed");
            var untracked = await context.Samples.AsNoTracking().FirstAsync(s => s.Id == "null-typed");

            Assert.All(NullableProperties, p => Assert.Null(typeof(TypeSample).GetProperty(p)!.GetValue(tracked)));
            Assert.All(NullableProperties, p => Assert.Null(typeof(TypeSample).GetProperty(p)!.GetValue(untracked)));
            Assert.Equal("hello", tracked!.String);
        }
    }

    [Fact]
    public async Task Filter_on_a_DateTimeOffset_matches_the_same_instant_given_at_another_offset()
    {
        var sameInstant = TypeSamples.OffsetTime.ToOffset(TimeSpan.FromHours(-7));
        await using var context = fixture.CreateContext();

        var found = await context.Samples.AsNoTracking().Where(s => s.Id == "typical" && s.DateTimeOffset == sameInstant).ToListAsync();

        Assert.Equal("typical", Assert.Single(found).Id);
    }

    [Fact]
    public async Task Filter_on_a_decimal_with_28_significant_digits_matches_exactly()
    {
        var value = 1234567890.123456789012345678m;
        var almost = 1234567890.123456789012345679m;
        await using var context = fixture.CreateContext();

        var found = await context.Samples.AsNoTracking().Where(s => s.Id == "typical" && s.Decimal == value).ToListAsync();
        var notFound = await context.Samples.AsNoTracking().Where(s => s.Id == "typical" && s.Decimal == almost).ToListAsync();

        Assert.Single(found);
        Assert.Empty(notFound);
    }

    [Fact]
    public async Task Filter_on_a_double_with_17_significant_digits_matches_exactly()
    {
        var value = 0.1 + 0.2;
        await using var context = fixture.CreateContext();

        var found = await context.Samples.AsNoTracking().Where(s => s.Id == "typical" && s.Double == value).ToListAsync();
        var notFound = await context.Samples.AsNoTracking().Where(s => s.Id == "typical" && s.Double == 0.3).ToListAsync();

        Assert.Single(found);
        Assert.Empty(notFound);
    }

    [Fact]
    public async Task Filter_on_converted_properties_compares_the_stored_provider_values()
    {
        var temperature = new Celsius(21.5m);
        await using var context = fixture.CreateContext();

        var found = await context.Samples.AsNoTracking()
            .Where(s => s.Id == "typical" && s.EnumAsString == Shade.Blue && s.Temperature == temperature && s.BoolAsNumber)
            .ToListAsync();

        Assert.Equal("typical", Assert.Single(found).Id);
    }

    [Fact]
    public async Task Changing_a_byte_array_in_place_is_saved()
    {
        await using (var context = fixture.CreateContext())
        {
            var sample = TypeSamples.Typical();
            sample.Id = "bytes-in-place";
            context.Samples.Add(sample);
            await context.SaveChangesAsync();

            sample.Bytes[1] = 99;
            await context.SaveChangesAsync();
        }

        var item = await fixture.GetRawItemAsync("Samples", ("Id", Attr.S("bytes-in-place")));
        Assert.Equal([1, 99, 3], item!["Bytes"].B.ToArray());
    }

    private static (string Type, string Text) Describe(AttributeValue value)
        => value switch
        {
            { S: { } s } => ("S", s),
            { N: { } n } => ("N", n),
            { B: { } b } => ("B", Convert.ToHexString(b.ToArray())),
            { BOOL: { } flag } => ("BOOL", flag ? "true" : "false"),
            { NULL: true } => ("NULL", ""),
            _ => ("other", value.ToString() ?? ""),
        };

    private static void AssertSameValues(TypeSample expected, TypeSample? actual)
    {
        Assert.NotNull(actual);
        var mismatches = new List<string>();
        foreach (var property in Properties)
        {
            var expectedValue = property.GetValue(expected);
            var actualValue = property.GetValue(actual);
            var same = (expectedValue, actualValue) switch
            {
                (byte[] e, byte[] a) => e.AsSpan().SequenceEqual(a),
                (DateTime e, DateTime a) => e == a && e.Kind == a.Kind,
                (DateTimeOffset e, DateTimeOffset a) => e.EqualsExact(a),
                _ => Equals(expectedValue, actualValue),
            };
            if (!same)
            {
                mismatches.Add($"{property.Name}: saved '{Format(expectedValue)}', read '{Format(actualValue)}'");
            }
        }

        Assert.Empty(mismatches);
    }

    private static string Format(object? value)
        => value switch
        {
            null => "null",
            byte[] bytes => Convert.ToHexString(bytes),
            DateTime dateTime => dateTime.ToString("O", CultureInfo.InvariantCulture) + " " + dateTime.Kind,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
}
