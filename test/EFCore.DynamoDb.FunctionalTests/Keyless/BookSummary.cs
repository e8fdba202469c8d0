namespace EFCore.DynamoDb.FunctionalTests.Keyless;

/// <summary>A keyless view over the Books table: some of each item's attributes, read-only.</summary>
public class BookSummary
{
    public string Title { get; set; } = "";

    public int Pages { get; set; }
}
