namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>A complex value inside an element of a complex collection.</summary>
public class Position
{
    public string Role { get; set; } = "";

    public int Line { get; set; }
}
