namespace EFCore.DynamoDb.FunctionalTests.TimeToLive;

/// <summary>Expires at epoch seconds stored under the attribute "ttl", or never; keyed by owner and id.</summary>
public class Lease
{
    public string Owner { get; set; } = "";

    public string Id { get; set; } = "";

    public long? Expires { get; set; }
}
