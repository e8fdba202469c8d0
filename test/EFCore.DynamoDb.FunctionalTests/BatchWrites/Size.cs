namespace EFCore.DynamoDb.FunctionalTests.BatchWrites;

/// <summary>A complex type: a nested map in the crate's item.</summary>
public class Size
{
    public double Width { get; set; }

    public double Height { get; set; }
}
