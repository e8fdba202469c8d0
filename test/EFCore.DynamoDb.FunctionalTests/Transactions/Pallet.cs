namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>The other entity type stored in the table "Storage", keyed by Code as <see cref="Crate" /> is.</summary>
public class Pallet
{
    public string Code { get; set; } = "";

    public int Layers { get; set; }
}
