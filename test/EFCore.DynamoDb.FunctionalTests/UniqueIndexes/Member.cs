namespace EFCore.DynamoDb.FunctionalTests.UniqueIndexes;

/// <summary>A member with a numeric key, a unique user name and a unique (tenant, email) pair.</summary>
public class Member
{
    public int Id { get; set; }

    public string? UserName { get; set; }

    public string? Tenant { get; set; }

    public string? Email { get; set; }

    public long Version { get; set; }
}
