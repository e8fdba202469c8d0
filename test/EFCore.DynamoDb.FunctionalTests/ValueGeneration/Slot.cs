namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>Keyed by an int, which EF's convention generates on add: from the key counter, in blocks of 10 (the default).</summary>
public class Slot
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}
