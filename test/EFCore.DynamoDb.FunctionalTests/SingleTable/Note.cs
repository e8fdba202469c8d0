namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>Shares the table "Kinds" with <see cref="Label" />, told apart by a renamed discriminator.</summary>
public class Note
{
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";
}
