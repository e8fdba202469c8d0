namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>A partition + sort key entity, for BatchGetItem by one partition key and a set of sort keys.</summary>
public class Bin
{
    public string Warehouse { get; set; } = "";

    public int Slot { get; set; }

    public string Label { get; set; } = "";
}
