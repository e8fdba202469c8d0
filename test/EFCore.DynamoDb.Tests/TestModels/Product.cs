namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>An int partition key and no sort key; Name, Status and Date are DynamoDB reserved words.</summary>
public class Product
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Status { get; set; }

    public DateOnly? Date { get; set; }

    public int Stock { get; set; }
}
