namespace Operations;

/// <summary>A note: partition key Id.</summary>
public class Note
{
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";
}
