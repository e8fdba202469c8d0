namespace EFCore.DynamoDb.FunctionalTests.MultiAttributeKeys;

/// <summary>A sensor reading of one tenant in one region: the multi-attribute index keys on both, then on day, sensor and sequence.</summary>
public class Reading
{
    public string Id { get; set; } = "";

    public string Tenant { get; set; } = "";

    public string Region { get; set; } = "";

    public DateOnly Day { get; set; }

    public string Sensor { get; set; } = "";

    public int Sequence { get; set; }

    public double Value { get; set; }

    public override string ToString() => Id;
}
