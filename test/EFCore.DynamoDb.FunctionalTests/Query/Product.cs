namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>A partition-key-only entity.</summary>
public class Product
{
    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal Price { get; set; }
}
