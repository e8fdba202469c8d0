namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>A Guid key (generated on add) and a concurrency token.</summary>
public class Account
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string? DisplayName { get; set; }

    public long Version { get; set; }
}
