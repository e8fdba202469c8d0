namespace EFCore.DynamoDb.FunctionalTests.KeyTemplates;

/// <summary>
/// Keyed by "AUTHOR#" + Author and "NOTE#" + Slug (a string sort key); the ByTopic index is keyed by "TOPIC#" +
/// Topic and "AT#" + WrittenAt (a DateTime).
/// </summary>
public class Note
{
    public string Author { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Topic { get; set; } = "";

    public DateTime WrittenAt { get; set; }

    public string? Text { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Author}/{Slug}";
}
