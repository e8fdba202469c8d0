namespace EFCore.DynamoDb.FunctionalTests.Timestamps;

/// <summary>No timestamp properties of its own: timestamps give it shadow DateTime CreatedAt/UpdatedAt.</summary>
public class Post
{
    public string Id { get; set; } = "";

    public string? Title { get; set; }
}
