namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>Shares the table "Kinds" with <see cref="Note" />.</summary>
public class Label
{
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";
}
