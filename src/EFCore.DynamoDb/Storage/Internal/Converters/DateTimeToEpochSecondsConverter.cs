using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal.Converters;

/// <summary>
/// Stores a <see cref="DateTime" /> as whole seconds since the Unix epoch, the format DynamoDB's time to live reads.
/// Local times are converted to UTC and unspecified ones taken as UTC; values read back as UTC, to the second.
/// </summary>
public class DateTimeToEpochSecondsConverter()
    : ValueConverter<DateTime, long>(v => ToEpochSeconds(v), v => FromEpochSeconds(v))
{
    /// <summary>Seconds since the epoch.</summary>
    public static long ToEpochSeconds(DateTime value)
        => new DateTimeOffset(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToUnixTimeSeconds();

    /// <summary>The UTC time of an epoch-seconds value.</summary>
    public static DateTime FromEpochSeconds(long value) => DateTimeOffset.FromUnixTimeSeconds(value).UtcDateTime;
}
