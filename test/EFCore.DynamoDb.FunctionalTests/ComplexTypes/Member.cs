namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>An entity with a required complex property (<see cref="Address" />) and an optional one.</summary>
public class Member
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public int Level { get; set; }

    public Address Address { get; set; } = new();

    public Contact? Contact { get; set; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
