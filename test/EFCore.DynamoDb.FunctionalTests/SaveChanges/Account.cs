namespace EFCore.DynamoDb.FunctionalTests.SaveChanges;

/// <summary>An entity with a concurrency token the application increments on every change.</summary>
public class Account
{
    public string Id { get; set; } = "";

    public decimal Balance { get; set; }

    public int Version { get; set; }
}
