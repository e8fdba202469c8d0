namespace EFCore.DynamoDb.FunctionalTests.Concurrency;

/// <summary>A counter with a row version the provider sets to 1 on add and increments on every update.</summary>
public class Counter
{
    public string Id { get; set; } = "";

    public long Value { get; set; }

    public string? Label { get; set; }

    public int Version { get; set; }
}
