namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>Keyed by a Guid, which EF generates on the client when it is not set.</summary>
public class Device
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Guid? Owner { get; set; }
}
