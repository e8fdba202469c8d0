namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>The item condition checks look at; Revision is a concurrency token the application sets.</summary>
public class Warehouse
{
    public string Id { get; set; } = "";

    public bool Open { get; set; }

    public int Capacity { get; set; }

    public int Revision { get; set; }
}
