namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>An entity with a required complex collection (<see cref="Player" />s) and an optional one.</summary>
public class Team
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public List<Player> Players { get; set; } = [];

    public List<Player>? Reserves { get; set; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
