namespace EFCore.DynamoDb.FunctionalTests.BatchWrites;

/// <summary>An owned reference: a nested map in the crate's item.</summary>
public class Place
{
    public string City { get; set; } = "";

    public string? Country { get; set; }
}
