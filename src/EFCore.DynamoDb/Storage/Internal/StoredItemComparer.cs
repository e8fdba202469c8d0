using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Whether an item DynamoDB returned is the item a write sent, as DynamoDB stores it: numbers compare by value (it
/// normalizes them: <c>12.50</c> reads back as <c>12.5</c>), sets as sets (it keeps no order), lists in order and
/// maps by name, at any depth.
/// </summary>
public static class StoredItemComparer
{
    /// <summary>True when the two items hold the same attributes with the same values.</summary>
    public static bool AreEqual(IReadOnlyDictionary<string, AttributeValue>? stored, IReadOnlyDictionary<string, AttributeValue>? sent)
    {
        if (stored is null || sent is null || stored.Count != sent.Count)
        {
            return false;
        }

        foreach (var (name, value) in sent)
        {
            if (!stored.TryGetValue(name, out var other) || !AreEqual(other, value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AreEqual(AttributeValue stored, AttributeValue sent)
    {
        if (sent.S is { } s)
        {
            return stored.S == s;
        }

        if (sent.N is { } n)
        {
            return stored.N is { } storedNumber && NumbersEqual(storedNumber, n);
        }

        if (sent.BOOL is { } b)
        {
            return stored.BOOL == b;
        }

        if (sent.NULL == true)
        {
            return stored.NULL == true;
        }

        if (sent.B is { } bytes)
        {
            return stored.B is { } storedBytes && storedBytes.ToArray().AsSpan().SequenceEqual(bytes.ToArray());
        }

        if (sent.M is { } map)
        {
            return stored.M is { } storedMap && AreEqual(storedMap, map);
        }

        if (sent.L is { } list)
        {
            if (stored.L is not { } storedList || storedList.Count != list.Count)
            {
                return false;
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (!AreEqual(storedList[i], list[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (sent.SS is { Count: > 0 } strings)
        {
            return stored.SS is { } storedStrings && strings.ToHashSet().SetEquals(storedStrings);
        }

        if (sent.NS is { Count: > 0 } numbers)
        {
            return stored.NS is { } storedNumbers
                && storedNumbers.Count == numbers.Count
                && numbers.All(number => storedNumbers.Any(other => NumbersEqual(other, number)));
        }

        if (sent.BS is { Count: > 0 } binaries)
        {
            return stored.BS is { } storedBinaries
                && storedBinaries.Count == binaries.Count
                && binaries.All(binary => storedBinaries.Any(other => other.ToArray().AsSpan().SequenceEqual(binary.ToArray())));
        }

        return false;
    }

    // DynamoDB keeps 38 significant digits, which decimal does not always hold: text that differs only in its form
    // (trailing zeros, exponent) is compared by value, text decimal cannot read by the text itself.
    private static bool NumbersEqual(string stored, string sent)
        => stored == sent
            || (decimal.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var left)
                && decimal.TryParse(sent, NumberStyles.Float, CultureInfo.InvariantCulture, out var right)
                && left == right);
}
