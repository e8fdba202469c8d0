namespace EFCore.DynamoDb.FunctionalTests.EnsureCreated;

/// <summary>Keyed by a binary partition key.</summary>
public class Attachment
{
    public byte[] Hash { get; set; } = [];

    public string? FileName { get; set; }
}
