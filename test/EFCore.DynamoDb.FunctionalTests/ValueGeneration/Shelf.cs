namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>A principal with a generated int key, whose new books point at it before it has its real key.</summary>
public class Shelf
{
    public int Id { get; set; }

    public string Label { get; set; } = "";

    public List<Book> Books { get; set; } = [];
}
