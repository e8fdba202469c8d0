namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The nested map of the mixed payload.</summary>
public class ItemAddress
{
    public string Street { get; set; } = "";

    public string City { get; set; } = "";

    public string Zip { get; set; } = "";
}
