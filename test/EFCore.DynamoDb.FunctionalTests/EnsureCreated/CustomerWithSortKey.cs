namespace EFCore.DynamoDb.FunctionalTests.EnsureCreated;

/// <summary>Maps to the same table name as <see cref="Customer" /> but with a partition and a sort key.</summary>
public class CustomerWithSortKey
{
    public string Id { get; set; } = "";

    public string Region { get; set; } = "";
}
