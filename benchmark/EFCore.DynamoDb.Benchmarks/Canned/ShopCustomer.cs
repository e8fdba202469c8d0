namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The principal of the reference-Include benchmark: a customer keyed by its id.</summary>
public class ShopCustomer
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string City { get; set; } = "";

    public List<ShopOrder> Orders { get; set; } = [];
}
