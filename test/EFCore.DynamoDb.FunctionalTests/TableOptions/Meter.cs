namespace EFCore.DynamoDb.FunctionalTests.TableOptions;

/// <summary>Stored in a provisioned table with two global indexes, one with throughput of its own.</summary>
public class Meter
{
    public string Id { get; set; } = "";

    public string Zone { get; set; } = "";

    public string Kind { get; set; } = "";
}
