namespace EFCore.DynamoDb.FunctionalTests.Keyless;

/// <summary>A keyed entity: the items of the Books table.</summary>
public class Book
{
    public string Isbn { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Author { get; set; }

    public int Pages { get; set; }
}
