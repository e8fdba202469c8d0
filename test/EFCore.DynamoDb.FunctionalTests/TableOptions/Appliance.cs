namespace EFCore.DynamoDb.FunctionalTests.TableOptions;

/// <summary>
/// Shares the table "Devices" with <see cref="Sensor" /> and comes first in the model; it does not configure the
/// table's capacity, but its index has throughput of its own.
/// </summary>
public class Appliance
{
    public string Id { get; set; } = "";

    public string Zone { get; set; } = "";
}
