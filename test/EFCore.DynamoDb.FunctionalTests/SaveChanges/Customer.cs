namespace EFCore.DynamoDb.FunctionalTests.SaveChanges;

/// <summary>A partition-key-only entity.</summary>
public class Customer
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Email { get; set; }

    public int Visits { get; set; }
}
