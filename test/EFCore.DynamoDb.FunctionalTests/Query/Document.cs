namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>A large item (a few hundred KB), so that a handful of them fill more than one 1 MB result page.</summary>
public class Document
{
    public string Folder { get; set; } = "";

    public int Sequence { get; set; }

    public string Payload { get; set; } = "";

    public bool Flag { get; set; }
}
