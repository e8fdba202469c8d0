namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>
/// Shaped like ASP.NET Core Identity's <c>IdentityUserToken&lt;string&gt;</c>: a key of three properties
/// {UserId, LoginProvider, Name}, stored as the partition key UserId and one composite sort key of the other two.
/// </summary>
public class UserToken
{
    public string UserId { get; set; } = "";

    public string LoginProvider { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Value { get; set; }
}

/// <summary>
/// A sensor measurement keyed by {Site, Sensor, TakenAt}: a number and a date inside the composite sort key, so the
/// key sorts (and ranges) by them as their own attributes would.
/// </summary>
public class Measurement
{
    public string Site { get; set; } = "";

    public int Sensor { get; set; }

    public DateTime TakenAt { get; set; }

    public double Value { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }
}
