namespace EFCore.DynamoDb.FunctionalTests.TableOptions;

/// <summary>Stored in a table made on-demand explicitly, with a global index.</summary>
public class Gauge
{
    public string Id { get; set; } = "";

    public string Zone { get; set; } = "";
}
