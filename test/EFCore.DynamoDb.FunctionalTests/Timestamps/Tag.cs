namespace EFCore.DynamoDb.FunctionalTests.Timestamps;

/// <summary>An entity type whose timestamps are off.</summary>
public class Tag
{
    public string Id { get; set; } = "";

    public int Uses { get; set; }
}
