namespace EFCore.DynamoDb.FunctionalTests.BatchWrites;

/// <summary>An owned collection's element: a map in the crate's list of contents.</summary>
public class ContentLine
{
    public string Sku { get; set; } = "";

    public int Quantity { get; set; }
}
