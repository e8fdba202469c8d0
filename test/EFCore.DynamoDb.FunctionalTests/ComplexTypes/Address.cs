namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>A complex type stored as a nested map, holding another (<see cref="Geo" />).</summary>
public class Address
{
    public string Street { get; set; } = "";

    public string City { get; set; } = "";

    public int? Zip { get; set; }

    public List<string> Lines { get; set; } = [];

    public Geo Geo { get; set; } = new();
}
