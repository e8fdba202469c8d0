namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The dependent of the reference-Include benchmark: an order of a shop, naming its customer.</summary>
public class ShopOrder
{
    public string Shop { get; set; } = "";

    public int Number { get; set; }

    public string CustomerId { get; set; } = "";

    public ShopCustomer? Customer { get; set; }

    public decimal Total { get; set; }
}
