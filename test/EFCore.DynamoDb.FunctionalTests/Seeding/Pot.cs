namespace EFCore.DynamoDb.FunctionalTests.Seeding;

/// <summary>A seeded entity in a table of its own, keyed by partition and sort key.</summary>
public class Pot
{
    public string Shelf { get; set; } = "";

    public int Slot { get; set; }

    public string? Color { get; set; }
}
