namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>One of the two entity types stored in the table "Storage", keyed by Code.</summary>
public class Crate
{
    public string Code { get; set; } = "";

    public string Contents { get; set; } = "";
}
