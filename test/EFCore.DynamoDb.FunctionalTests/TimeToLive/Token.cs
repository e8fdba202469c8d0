namespace EFCore.DynamoDb.FunctionalTests.TimeToLive;

/// <summary>Expires at a DateTimeOffset, or never when it has none.</summary>
public class Token
{
    public string Id { get; set; } = "";

    public DateTimeOffset? ExpiresAt { get; set; }
}
