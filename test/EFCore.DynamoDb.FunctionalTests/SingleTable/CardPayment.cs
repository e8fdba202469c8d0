namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>A payment by card.</summary>
public class CardPayment : Payment
{
    public string Last4 { get; set; } = "";
}
