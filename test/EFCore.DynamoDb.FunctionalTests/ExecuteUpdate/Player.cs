namespace EFCore.DynamoDb.FunctionalTests.ExecuteUpdate;

/// <summary>
/// Partition key Guild, sort key Id, in the table "Game" with <see cref="Banner" />; one attribute of each kind an
/// update expression changes, the index ByRegion (Region, Level) and a numeric row version.
/// </summary>
public class Player
{
    public string Guild { get; set; } = "";

    public string Id { get; set; } = "";

    public string? Name { get; set; }

    public string? Region { get; set; }

    public int Level { get; set; }

    public double Score { get; set; }

    public PlayerClass Class { get; set; }

    public List<string> Badges { get; set; } = [];

    public HashSet<string> Roles { get; set; } = [];

    public PlayerHome Home { get; set; } = new();

    public long Revision { get; set; }
}
