namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>
/// The entity of the ExecuteUpdate request tests: partition key Team, sort key Id, one attribute of each kind an
/// update expression changes (numbers, text, a list, sets, a complex value), a global secondary index on Region and
/// a numeric row version.
/// </summary>
public class Member
{
    public string Team { get; set; } = "";

    public string Id { get; set; } = "";

    public string? Name { get; set; }

    public string? Region { get; set; }

    public int Points { get; set; }

    public double Rating { get; set; }

    public OrderStatus Status { get; set; }

    public List<string> Badges { get; set; } = [];

    public HashSet<string> Roles { get; set; } = [];

    public MemberAddress Address { get; set; } = new();

    public long Revision { get; set; }
}
