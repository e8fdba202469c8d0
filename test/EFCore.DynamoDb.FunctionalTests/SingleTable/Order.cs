namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>An order item (SK "ORDER#n") in the shared table, with the global index ByStatus.</summary>
public class Order
{
    public string PK { get; set; } = "";

    public string SK { get; set; } = "";

    public string Status { get; set; } = "";

    public decimal Total { get; set; }
}
