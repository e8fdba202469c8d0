namespace EFCore.DynamoDb.FunctionalTests.BatchWrites;

/// <summary>
/// A Guid key the provider generates, scalars, a list, a nullable note, a complex Size, an owned Origin and an owned
/// collection of Contents; CreatedAt and UpdatedAt are shadow timestamps.
/// </summary>
public class Crate
{
    public Guid Id { get; set; }

    public string Label { get; set; } = "";

    public decimal Weight { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? Note { get; set; }

    public Size Size { get; set; } = new();

    public Place? Origin { get; set; }

    public List<ContentLine> Contents { get; set; } = [];
}
