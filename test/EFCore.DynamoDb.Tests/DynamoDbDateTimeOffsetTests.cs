using EFCore.DynamoDb.Storage.Internal.Converters;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// DateTimeOffset is stored as its UTC instant followed by its offset, so it round-trips exactly and sorts by instant;
/// comparisons in queries match every stored form of an instant, as C# compares instants.
/// </summary>
public sealed class DynamoDbDateTimeOffsetTests
{
    private static readonly DateTimeOffset AtPlusTwo = new(2024, 5, 1, 10, 30, 0, TimeSpan.FromHours(2));

    public static TheoryData<DateTimeOffset, string> StoredForms => new()
    {
        { new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.Zero), "2024-05-01T08:30:00.0000000Z" },
        { AtPlusTwo, "2024-05-01T08:30:00.0000000Z[+02:00]" },
        { new DateTimeOffset(2024, 5, 1, 3, 0, 0, new TimeSpan(-5, -30, 0)).AddTicks(1), "2024-05-01T08:30:00.0000001Z[-05:30]" },
        { DateTimeOffset.MinValue, "0001-01-01T00:00:00.0000000Z" },
        { DateTimeOffset.MaxValue, "9999-12-31T23:59:59.9999999Z" },
        { new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(14)), "1999-12-31T10:00:00.0000000Z[+14:00]" },
    };

    [Theory]
    [MemberData(nameof(StoredForms))]
    public void A_value_is_stored_as_its_UTC_instant_then_its_offset_and_reads_back_exactly(DateTimeOffset value, string text)
    {
        Assert.Equal(text, DateTimeOffsetToSortableStringConverter.ToText(value));
        Assert.True(value.EqualsExact(DateTimeOffsetToSortableStringConverter.FromText(text)));
    }

    [Fact]
    public void A_value_stored_in_UTC_by_earlier_versions_reads_back_with_a_zero_offset()
        => Assert.True(new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.Zero)
            .EqualsExact(DateTimeOffsetToSortableStringConverter.FromText("2024-05-01T08:30:00.0000000Z")));

    [Fact]
    public void Stored_texts_sort_ordinally_by_instant()
    {
        var values = Enumerable.Range(0, 40)
            .Select(i => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromMinutes((i % 9 - 4) * 90)).AddMinutes(i * 37 % 11 * 45))
            .ToList();

        var byText = values.OrderBy(DateTimeOffsetToSortableStringConverter.ToText, StringComparer.Ordinal).Select(v => v.UtcTicks);

        Assert.Equal(values.Select(v => v.UtcTicks).Order(), byText);
    }

    [Fact]
    public void The_instant_bounds_enclose_every_stored_form_of_the_instant_and_nothing_else()
    {
        var low = DateTimeOffsetToSortableStringConverter.InstantLowerBound(AtPlusTwo);
        var high = DateTimeOffsetToSortableStringConverter.InstantUpperBound(AtPlusTwo);
        var sameInstant = new[] { TimeSpan.Zero, TimeSpan.FromHours(14), TimeSpan.FromHours(-14), TimeSpan.FromMinutes(-30) }
            .Select(o => DateTimeOffsetToSortableStringConverter.ToText(AtPlusTwo.ToOffset(o)));
        var neighbours = new[] { AtPlusTwo.AddTicks(-1), AtPlusTwo.AddTicks(1) }
            .SelectMany(v => new[] { v, v.ToOffset(TimeSpan.FromHours(14)), v.ToOffset(TimeSpan.FromHours(-14)) })
            .Select(DateTimeOffsetToSortableStringConverter.ToText);

        Assert.All(sameInstant, t => Assert.InRange(t, low, high, StringComparer.Ordinal));
        Assert.All(neighbours, t => Assert.True(
            string.CompareOrdinal(t, low) < 0 || string.CompareOrdinal(t, high) > 0, t));
    }

    [Fact]
    public void Equality_in_a_filter_is_a_BETWEEN_over_the_stored_forms_of_the_instant()
    {
        using var db = Slots();

        var request = RequestJson.Of(db.Set<Slot>().Where(s => s.Ends == AtPlusTwo));

        Assert.Equal("#n0 BETWEEN :v0 AND :v1", request.Member("FilterExpression"));
        Assert.Equal(
            new Dictionary<string, string> { [":v0"] = "S:2024-05-01T08:30:00.0000000Z", [":v1"] = "S:2024-05-01T08:30:00.0000000Z]" },
            request.Values());
    }

    [Theory]
    [InlineData("<", "#n0 < :v0", "S:2024-05-01T08:30:00.0000000Z")]
    [InlineData("<=", "#n0 <= :v0", "S:2024-05-01T08:30:00.0000000Z]")]
    [InlineData(">", "#n0 > :v0", "S:2024-05-01T08:30:00.0000000Z]")]
    [InlineData(">=", "#n0 >= :v0", "S:2024-05-01T08:30:00.0000000Z")]
    public void A_range_filter_compares_with_the_bound_of_the_instant_that_keeps_C_sharp_semantics(string op, string filter, string value)
    {
        using var db = Slots();
        var slots = db.Set<Slot>();

        var request = RequestJson.Of(op switch
        {
            "<" => slots.Where(s => s.Ends < AtPlusTwo),
            "<=" => slots.Where(s => s.Ends <= AtPlusTwo),
            ">" => slots.Where(s => s.Ends > AtPlusTwo),
            _ => slots.Where(s => s.Ends >= AtPlusTwo),
        });

        Assert.Equal(filter, request.Member("FilterExpression"));
        Assert.Equal(value, request.Values()[":v0"]);
    }

    [Fact]
    public void Inequality_on_a_nullable_DateTimeOffset_also_matches_items_without_it()
    {
        using var db = Slots();

        var request = RequestJson.Of(db.Set<Slot>().Where(s => s.Ends != AtPlusTwo));

        Assert.Equal("(attribute_not_exists(#n0) OR NOT #n0 BETWEEN :v0 AND :v1)", request.Member("FilterExpression"));
    }

    [Fact]
    public void Contains_matches_each_value_by_its_instant()
    {
        using var db = Slots();
        var values = new DateTimeOffset?[] { AtPlusTwo, AtPlusTwo.AddDays(1) };

        var request = RequestJson.Of(db.Set<Slot>().Where(s => values.Contains(s.Ends)));

        Assert.Equal("(#n0 BETWEEN :v0 AND :v1 OR #n0 BETWEEN :v2 AND :v3)", request.Member("FilterExpression"));
    }

    [Fact]
    public void A_sort_key_condition_matches_by_instant_and_a_whole_key_lookup_by_the_exact_stored_form()
    {
        using var db = Slots();

        var range = RequestJson.Of(db.Set<Slot>().Where(s => s.Room == "r1" && s.Starts > AtPlusTwo));
        var lookup = RequestJson.Of(db.Set<Slot>().Where(s => s.Room == "r1" && s.Starts == AtPlusTwo));

        Assert.Equal("Query", range.Member("Operation"));
        Assert.Equal("#n0 = :v0 AND #n1 > :v1", range.Member("KeyConditionExpression"));
        Assert.Equal("S:2024-05-01T08:30:00.0000000Z]", range.Values()[":v1"]);
        Assert.Equal("GetItem", lookup.Member("Operation"));
        Assert.Equal("S:2024-05-01T08:30:00.0000000Z[+02:00]", lookup.Map("Key")["Starts"]);
    }

    private static ScenarioContext Slots()
        => TestContexts.Scenario(b => b.Entity<Slot>().HasKey(s => new { s.Room, s.Starts }), scenario: nameof(DynamoDbDateTimeOffsetTests));

    public class Slot
    {
        public string Room { get; set; } = "";

        public DateTimeOffset Starts { get; set; }

        public DateTimeOffset? Ends { get; set; }
    }
}
