namespace EFCore.DynamoDb.FunctionalTests.KeyTemplates;

/// <summary>Keyed by a string partition key and a string sort key; Category keys the ByCategory index.</summary>
public class Sku
{
    public string Brand { get; set; } = "";

    public string Code { get; set; } = "";

    public string? Category { get; set; }

    public string? Description { get; set; }
}
