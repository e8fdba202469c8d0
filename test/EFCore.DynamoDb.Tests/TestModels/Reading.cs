namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>A sensor reading: partition key DeviceId, numeric sort key Timestamp.</summary>
public class Reading
{
    public string DeviceId { get; set; } = "";

    public long Timestamp { get; set; }

    public double Value { get; set; }
}
