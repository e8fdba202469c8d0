using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>
/// Compares DynamoDB number texts by exact value. DynamoDB normalizes the numbers it stores (it returns
/// "3.4028235E+38" as "340282350000000000000000000000000000000"), so the text read back is not always the text
/// written; both denote the same decimal number, which is what must round-trip.
/// </summary>
public static partial class DynamoDbNumber
{
    /// <summary>The exact decimal value of a number text as "[-]digitsE exponent" with no trailing zeros, e.g. "34028235E31".</summary>
    public static string Canonical(string text)
    {
        var match = NumberPattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a DynamoDB number.");
        }

        var fraction = match.Groups["fraction"].Value;
        var exponent = match.Groups["exponent"].Success ? int.Parse(match.Groups["exponent"].Value, CultureInfo.InvariantCulture) : 0;
        var digits = BigInteger.Parse("0" + match.Groups["integer"].Value + fraction, CultureInfo.InvariantCulture);
        exponent -= fraction.Length;
        if (digits.IsZero)
        {
            return "0";
        }

        while (digits % 10 == 0)
        {
            digits /= 10;
            exponent++;
        }

        return (match.Groups["sign"].Value == "-" ? "-" : "") + digits.ToString(CultureInfo.InvariantCulture) + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<integer>\d*)(?:\.(?<fraction>\d*))?(?:[eE](?<exponent>[+-]?\d+))?$")]
    private static partial Regex NumberPattern();
}
