namespace EFCore.DynamoDb.FunctionalTests.Schema;

/// <summary>Keyed by Album and Number; the later model versions index Artist, Genre and Plays.</summary>
public class Track
{
    public string Album { get; set; } = "";

    public int Number { get; set; }

    public string Artist { get; set; } = "";

    public string? Genre { get; set; }

    public long Plays { get; set; }
}
