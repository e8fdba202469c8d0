namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>A complex type nested in <see cref="Address" />: a map inside a map.</summary>
public class Geo
{
    public double Lat { get; set; }

    public double Lon { get; set; }

    public string? Label { get; set; }
}
