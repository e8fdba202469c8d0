namespace EFCore.DynamoDb.FunctionalTests.TableOptions;

/// <summary>Shares the table "Devices" with <see cref="Appliance" /> and configures its provisioned throughput.</summary>
public class Sensor
{
    public string Id { get; set; } = "";

    public string Zone { get; set; } = "";
}
