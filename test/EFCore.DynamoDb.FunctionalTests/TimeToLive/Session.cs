namespace EFCore.DynamoDb.FunctionalTests.TimeToLive;

/// <summary>Expires at a (non-nullable) DateTime.</summary>
public class Session
{
    public string Id { get; set; } = "";

    public DateTime ExpiresAt { get; set; }
}
