namespace EFCore.DynamoDb.FunctionalTests.KeyConverters;

/// <summary>A struct key type with a value converter and no == operator.</summary>
public readonly struct ParcelId(string value)
{
    public string Value { get; } = value;
}
