using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal.Converters;

/// <summary>
/// Stores a <see cref="DateTimeOffset" /> as whole seconds since the Unix epoch, the format DynamoDB's time to live
/// reads; values read back in UTC, to the second.
/// </summary>
public class DateTimeOffsetToEpochSecondsConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.ToUnixTimeSeconds(), v => DateTimeOffset.FromUnixTimeSeconds(v))
{
}
