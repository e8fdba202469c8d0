namespace EFCore.DynamoDb.FunctionalTests.Timestamps;

/// <summary>Declares its own DateTime timestamps, UpdatedAt nullable.</summary>
public class Draft
{
    public string Id { get; set; } = "";

    public string? Body { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
