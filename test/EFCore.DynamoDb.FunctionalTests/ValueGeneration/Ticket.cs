namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>Keyed by an int the application sets (<c>ValueGeneratedNever</c>): 0 is a key like any other, and warned about.</summary>
public class Ticket
{
    public int Id { get; set; }

    public string Seat { get; set; } = "";
}
