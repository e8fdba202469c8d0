namespace EFCore.DynamoDb.FunctionalTests.Concurrency;

/// <summary>A locker whose owned lease carries the concurrency token and row version.</summary>
public class Locker
{
    public string Id { get; set; } = "";

    public string? Label { get; set; }

    public LockerLease? Lease { get; set; }
}
