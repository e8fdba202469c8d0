namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>A partition-key-only entity, for BatchGetItem by a set of partition keys.</summary>
public class Part
{
    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal Price { get; set; }

    public int? Stock { get; set; }
}
