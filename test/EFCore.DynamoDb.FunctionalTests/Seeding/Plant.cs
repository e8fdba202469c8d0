namespace EFCore.DynamoDb.FunctionalTests.Seeding;

/// <summary>A seeded entity with an owned reference, an owned collection and a provider-managed row version.</summary>
public class Plant
{
    public int Id { get; set; }

    public string Species { get; set; } = "";

    public PlantCare? Care { get; set; }

    public List<PlantNote> Notes { get; set; } = [];

    public long Version { get; set; }
}
