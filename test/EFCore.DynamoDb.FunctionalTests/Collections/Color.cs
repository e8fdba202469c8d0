namespace EFCore.DynamoDb.FunctionalTests.Collections;

/// <summary>An int-backed enum kept in a set (NS).</summary>
public enum Color
{
    Red = 1,
    Green = 2,
    Blue = 3,
}
