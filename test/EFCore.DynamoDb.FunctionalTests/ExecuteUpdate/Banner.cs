namespace EFCore.DynamoDb.FunctionalTests.ExecuteUpdate;

/// <summary>Shares the table "Game" (and its key attributes) with <see cref="Player" />: told apart by "$type".</summary>
public class Banner
{
    public string Guild { get; set; } = "";

    public string Id { get; set; } = "";

    public int Level { get; set; }
}
