namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>Stored as its name (HasConversion&lt;string&gt;()).</summary>
public enum Priority
{
    Low,
    Normal,
    High,
}
