namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>An optional complex property's type: null means no map attribute at all.</summary>
public class Contact
{
    public string Email { get; set; } = "";

    public string? Phone { get; set; }
}
