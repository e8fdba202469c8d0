namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>A payment by bank transfer.</summary>
public class BankPayment : Payment
{
    public string Iban { get; set; } = "";
}
