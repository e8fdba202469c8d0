namespace EFCore.DynamoDb.FunctionalTests.ExecuteUpdate;

/// <summary>Keyed by Id, with timestamps (shadow CreatedAt/UpdatedAt).</summary>
public class Quest
{
    public string Id { get; set; } = "";

    public int Progress { get; set; }
}
