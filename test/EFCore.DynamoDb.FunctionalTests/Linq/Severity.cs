namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>Stored as a number.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
