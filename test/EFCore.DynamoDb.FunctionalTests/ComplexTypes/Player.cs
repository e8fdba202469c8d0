namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>An element of a complex collection, stored as a map in a list, with an optional nested map.</summary>
public class Player
{
    public string Name { get; set; } = "";

    public int Number { get; set; }

    public List<string> Nicknames { get; set; } = [];

    public Position? Position { get; set; }
}
