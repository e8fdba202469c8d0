namespace EFCore.DynamoDb.FunctionalTests.EnsureCreated;

/// <summary>Keyed by a string partition key only.</summary>
public class Customer
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }
}
