namespace EFCore.DynamoDb.FunctionalTests.EnsureCreated;

/// <summary>Keyed by an int partition key, in a table named by ToTable.</summary>
public class Counter
{
    public int Id { get; set; }

    public long Value { get; set; }
}
