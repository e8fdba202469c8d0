namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>A tenant's profile item (SK "PROFILE") in the shared table.</summary>
public class Customer
{
    public string PK { get; set; } = "";

    public string SK { get; set; } = "";

    public string Name { get; set; } = "";
}
