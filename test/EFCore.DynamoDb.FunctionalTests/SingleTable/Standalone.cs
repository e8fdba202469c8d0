namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>The only type of its table: stored without a discriminator.</summary>
public class Standalone
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";
}
