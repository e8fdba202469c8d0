namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>A region a customer belongs to (the principal of a second-level reference: ThenInclude).</summary>
public class Region
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public List<Customer> Customers { get; set; } = [];
}
