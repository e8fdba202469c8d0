namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>A dependent with a generated int key and a foreign key to a shelf.</summary>
public class Book
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public int ShelfId { get; set; }

    public Shelf? Shelf { get; set; }
}
