using System.ComponentModel.DataAnnotations;

namespace EFCore.DynamoDb.FunctionalTests.Concurrency;

/// <summary>Owned by a <see cref="Locker" />: a row version the provider increments and a token the application sets.</summary>
public class LockerLease
{
    public string Holder { get; set; } = "";

    public long Revision { get; set; }

    [ConcurrencyCheck]
    public string? Badge { get; set; }
}
