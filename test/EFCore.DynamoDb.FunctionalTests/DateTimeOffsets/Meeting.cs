namespace EFCore.DynamoDb.FunctionalTests.DateTimeOffsets;

/// <summary>Keyed by room and start (a DateTimeOffset sort key); ends at an optional DateTimeOffset.</summary>
public class Meeting
{
    public string Room { get; set; } = "";

    public DateTimeOffset Starts { get; set; }

    public DateTimeOffset? Ends { get; set; }
}
