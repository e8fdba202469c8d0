namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>
/// An invoice item (SK "INV#n") in the shared table. Its Status attribute has the name of the ByStatus index key,
/// so invoices land in that index too: a query of orders by status must leave them out.
/// </summary>
public class Invoice
{
    public string PK { get; set; } = "";

    public string SK { get; set; } = "";

    public string Status { get; set; } = "";

    public decimal Amount { get; set; }
}
