namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>Keyed by a long generated from the key counter in blocks of 3 (set on the property).</summary>
public class Receipt
{
    public long Id { get; set; }

    public decimal Total { get; set; }
}
