namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>The base of a TPH hierarchy stored in the shared table; concrete itself.</summary>
public class Payment
{
    public string PK { get; set; } = "";

    public string SK { get; set; } = "";

    public decimal Amount { get; set; }
}
