namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>A customer, keyed by its id alone: orders look it up by their foreign key with BatchGetItem.</summary>
public class Customer
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string City { get; set; } = "";

    /// <summary>Optional, and sometimes naming a region that does not exist.</summary>
    public string? RegionCode { get; set; }

    public Region? Region { get; set; }

    public List<Order> Orders { get; set; } = [];

    /// <summary>Not mapped (no setter): a query can read it only in its final projection, as in EF's other providers.</summary>
    public bool IsInOslo => City == "Oslo";

    public override string ToString() => $"{Id} {Name} {City} {RegionCode}";
}
