namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>A complex value of <see cref="Member" />, stored as a nested map.</summary>
public class MemberAddress
{
    public string? City { get; set; }

    public int Floor { get; set; }
}
