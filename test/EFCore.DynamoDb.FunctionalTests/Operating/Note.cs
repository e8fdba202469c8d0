namespace EFCore.DynamoDb.FunctionalTests.Operating;

/// <summary>An item of the operating tests: partition key Id.</summary>
public class Note
{
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";
}
