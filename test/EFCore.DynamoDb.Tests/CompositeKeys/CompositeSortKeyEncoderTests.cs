using System.Text;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal.CompositeKeys;

namespace EFCore.DynamoDb.Tests.CompositeKeys;

/// <summary>
/// The composite sort-key encoding of keys of three or more properties: the encoded strings sort (by UTF-8 bytes,
/// as DynamoDB compares strings) as their tuples of parts do, are unambiguous, and a leading run's prefix selects
/// exactly the keys that start with that run. Random tuples check the order property over many cases.
/// </summary>
public sealed class CompositeSortKeyEncoderTests
{
    [Fact]
    public void Parts_are_joined_by_the_separator_and_text_is_readable()
        => Assert.Equal("google#refresh_token", CompositeSortKeyEncoder.Encode(["google", "refresh_token"]));

    [Fact]
    public void The_separator_inside_a_part_is_escaped_so_different_tuples_never_collide()
    {
        var first = CompositeSortKeyEncoder.Encode(["a#b", "c"]);
        var second = CompositeSortKeyEncoder.Encode(["a", "b#c"]);

        Assert.NotEqual(first, second);
        Assert.Equal("a$cb#c", first);
        Assert.Equal("a#b$cc", second);
        Assert.Equal("a$d$c", CompositeSortKeyEncoder.Encode(["a$#"]));
    }

    [Fact]
    public void A_shorter_part_sorts_first_even_when_the_longer_one_continues_with_a_character_below_the_separator()
    {
        // ("a", "z") < ("a!", "c") as tuples, because "a" < "a!"; '!' sorts below '#' unescaped.
        AssertSortsBefore(["a", "z"], ["a!", "c"]);
        AssertSortsBefore(["a", "z"], ["a\u0001", "c"]);
        AssertSortsBefore(["a", "z"], ["a ", "c"]);
    }

    [Fact]
    public void Integers_sort_numerically_with_negatives_first_in_fixed_width()
    {
        Assert.Equal("7FFFFFFFFFFFFFFF", CompositeSortKeyEncoder.Encode([-1L]));
        Assert.Equal("8000000000000000", CompositeSortKeyEncoder.Encode([0]));
        AssertSortsBefore([long.MinValue], [-1]);
        AssertSortsBefore([-10], [-9]);
        AssertSortsBefore([-1], [0]);
        AssertSortsBefore([9], [10]);
        AssertSortsBefore([(short)2], [(short)100]);
        AssertSortsBefore([9UL], [ulong.MaxValue]);
    }

    [Fact]
    public void Floating_point_numbers_sort_numerically_and_negative_zero_equals_zero()
    {
        AssertSortsBefore([double.NegativeInfinity], [-1e300]);
        AssertSortsBefore([-2.5], [-2.25]);
        AssertSortsBefore([-1e-300], [0.0]);
        AssertSortsBefore([0.0], [double.Epsilon]);
        AssertSortsBefore([1.5f], [2f]);
        Assert.Equal(CompositeSortKeyEncoder.Encode([0.0]), CompositeSortKeyEncoder.Encode([-0.0]));
    }

    [Fact]
    public void Dates_and_times_sort_chronologically_in_iso_form()
    {
        Assert.Equal("2024-03-01T08:05:00.0000000", CompositeSortKeyEncoder.Encode([new DateTime(2024, 3, 1, 8, 5, 0)]));
        Assert.Equal("2024-03-01", CompositeSortKeyEncoder.Encode([new DateOnly(2024, 3, 1)]));
        AssertSortsBefore([new DateTime(999, 12, 31)], [new DateTime(2024, 1, 1)]);

        // A DateTimeOffset sorts by instant: 10:00+02:00 is before 09:00+00:00.
        AssertSortsBefore(
            [new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.FromHours(2))],
            [new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero)]);
        AssertSortsBefore([TimeSpan.FromTicks(-1)], [TimeSpan.Zero]);
        AssertSortsBefore([new TimeOnly(9, 0)], [new TimeOnly(10, 0)]);
    }

    [Fact]
    public void Booleans_guids_enums_and_binary_parts_encode_in_their_stored_order()
    {
        AssertSortsBefore([false], [true]);
        AssertSortsBefore([DayOfWeek.Monday], [DayOfWeek.Friday]);
        AssertSortsBefore([new byte[] { 1, 2 }], [new byte[] { 1, 2, 0 }]);
        AssertSortsBefore([new byte[] { 1, 255 }], [new byte[] { 2 }]);
        var guid = Guid.NewGuid();
        Assert.Equal(guid.ToString("D"), CompositeSortKeyEncoder.Encode([guid]));
    }

    [Fact]
    public void A_leading_run_prefix_selects_exactly_the_keys_that_start_with_that_run()
    {
        var prefix = CompositeSortKeyEncoder.EncodePrefix(["google"]);

        Assert.Equal("google#", prefix);
        Assert.StartsWith(prefix, CompositeSortKeyEncoder.Encode(["google", "refresh"]), StringComparison.Ordinal);
        Assert.False(CompositeSortKeyEncoder.Encode(["google#x", "refresh"]).StartsWith(prefix, StringComparison.Ordinal));
        Assert.False(CompositeSortKeyEncoder.Encode(["googleplus", "refresh"]).StartsWith(prefix, StringComparison.Ordinal));
        Assert.False(CompositeSortKeyEncoder.Encode(["google"]).StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Random_tuples_sort_the_same_encoded_and_unencoded()
    {
        var random = new Random(20261207);
        var tuples = Enumerable.Range(0, 2000).Select(_ => RandomTuple(random)).ToList();

        var byTuple = tuples.OrderBy(t => t, TupleComparer.Instance).ToList();
        var byEncoding = tuples.OrderBy(Encode, Utf8Comparer.Instance).ToList();

        for (var i = 0; i < byTuple.Count; i++)
        {
            Assert.Equal(0, TupleComparer.Instance.Compare(byTuple[i], byEncoding[i]));
        }

        // Distinct tuples never share an encoding.
        Assert.Equal(
            tuples.Distinct(TupleComparer.Instance).Count(),
            tuples.Select(Encode).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Random_prefixes_match_exactly_the_tuples_with_that_leading_part()
    {
        var random = new Random(7);
        var tuples = Enumerable.Range(0, 500).Select(_ => RandomTuple(random)).ToList();

        foreach (var probe in tuples.Take(50))
        {
            var prefix = CompositeSortKeyEncoder.EncodePrefix([probe[0]]);
            foreach (var tuple in tuples)
            {
                Assert.Equal(
                    Utf8Comparer.Instance.Compare((string)tuple[0]!, (string)probe[0]!) == 0,
                    Encode(tuple).StartsWith(prefix, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void A_null_part_or_a_part_of_an_unsortable_type_is_refused_with_its_position()
    {
        Assert.Equal(
            DynamoDbStrings.CompositeSortKeyNullPart(1),
            Assert.Throws<InvalidOperationException>(() => CompositeSortKeyEncoder.Encode(["a", null])).Message);
        Assert.Equal(
            DynamoDbStrings.CompositeSortKeyPartType(0, nameof(Decimal)),
            Assert.Throws<InvalidOperationException>(() => CompositeSortKeyEncoder.Encode([1.5m])).Message);
    }

    private static string Encode(object?[] tuple) => CompositeSortKeyEncoder.Encode(tuple);

    private static void AssertSortsBefore(object?[] smaller, object?[] larger)
        => Assert.True(
            Utf8Comparer.Instance.Compare(CompositeSortKeyEncoder.Encode(smaller), CompositeSortKeyEncoder.Encode(larger)) < 0,
            $"'{CompositeSortKeyEncoder.Encode(smaller)}' should sort before '{CompositeSortKeyEncoder.Encode(larger)}'.");

    // Small alphabets make equal leading parts, shared prefixes and characters around the separator frequent.
    private static readonly string[] Alphabet = ["a", "b", "#", "$", "!", " ", "\u0000", "%", "é", "\U0001F600", "\uFFFD", "@", "d"];

    private static object?[] RandomTuple(Random random)
        =>
        [
            RandomText(random),
            (long)random.Next(-3, 4) * (random.Next(2) == 0 ? 1 : long.MaxValue / 4),
            Math.Round((random.NextDouble() - 0.5) * 8, 1),
            new DateTime(2024, 1, 1).AddMinutes(random.Next(-3, 4) * 997),
            RandomText(random),
        ];

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        var length = random.Next(0, 4);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>DynamoDB's order of strings: by their UTF-8 bytes.</summary>
    private sealed class Utf8Comparer : IComparer<string>
    {
        public static readonly Utf8Comparer Instance = new();

        public int Compare(string? x, string? y)
            => Encoding.UTF8.GetBytes(x!).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y!));
    }

    /// <summary>The order of tuples part by part, each part in DynamoDB's order of its own attribute.</summary>
    private sealed class TupleComparer : IComparer<object?[]>, IEqualityComparer<object?[]>
    {
        public static readonly TupleComparer Instance = new();

        public int Compare(object?[]? x, object?[]? y)
        {
            for (var i = 0; i < x!.Length; i++)
            {
                var result = x[i] is string text
                    ? Utf8Comparer.Instance.Compare(text, (string)y![i]!)
                    : ((IComparable)x[i]!).CompareTo(y![i]);
                if (result != 0)
                {
                    return result;
                }
            }

            return 0;
        }

        public bool Equals(object?[]? x, object?[]? y) => Compare(x, y) == 0;

        public int GetHashCode(object?[] obj) => Encode(obj).GetHashCode(StringComparison.Ordinal);
    }
}
