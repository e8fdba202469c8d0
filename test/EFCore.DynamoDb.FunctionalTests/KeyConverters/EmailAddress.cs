namespace EFCore.DynamoDb.FunctionalTests.KeyConverters;

/// <summary>A custom type with user-defined conversions to and from string, stored through a value converter.</summary>
public sealed class EmailAddress(string value)
{
    public string Value { get; } = value;

    public static implicit operator EmailAddress(string value) => new(value);

    public static implicit operator string(EmailAddress address) => address.Value;

    public override bool Equals(object? obj) => obj is EmailAddress other && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}
