namespace EFCore.DynamoDb.FunctionalTests.Seeding;

/// <summary>An element of a <see cref="Plant" />'s owned collection: a map in the plant's list of notes.</summary>
public class PlantNote
{
    public string Text { get; set; } = "";
}
