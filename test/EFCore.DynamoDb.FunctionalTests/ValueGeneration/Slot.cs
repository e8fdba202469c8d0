namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>Keyed by an int, which is never generated: 0 is a key like any other.</summary>
public class Slot
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}
