namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>An entity with a partition and a sort key (Aisle, Position).</summary>
public class Shelf
{
    public string Aisle { get; set; } = "";

    public int Position { get; set; }

    public bool Full { get; set; }
}
