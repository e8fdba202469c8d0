namespace EFCore.DynamoDb.FunctionalTests.Seeding;

/// <summary>Owned by a <see cref="Plant" />: stored as a map inside the plant's item.</summary>
public class PlantCare
{
    public int WaterEveryDays { get; set; }

    public string? Light { get; set; }
}
