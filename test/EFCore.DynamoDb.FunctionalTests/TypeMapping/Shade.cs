namespace EFCore.DynamoDb.FunctionalTests.TypeMapping;

/// <summary>An int-backed enum with extreme members.</summary>
public enum Shade
{
    Lowest = int.MinValue,
    Red = 1,
    Green = 2,
    Blue = 3,
    Highest = int.MaxValue,
}
