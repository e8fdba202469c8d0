namespace EFCore.DynamoDb.FunctionalTests.ExecuteUpdate;

/// <summary>A complex value of <see cref="Player" />, stored as the nested map "Home".</summary>
public class PlayerHome
{
    public string? City { get; set; }

    public int Floor { get; set; }
}
