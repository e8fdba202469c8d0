using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>
/// Five members and three teams, written once through the provider; the tests that change one use entities of their
/// own.
/// </summary>
public sealed class ComplexTypesFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<ComplexTypesContext>(server)
{
    /// <summary>The seeded members, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Member> Members { get; } = Create();

    /// <summary>The seeded teams, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Team> Teams { get; } = CreateTeams();

    /// <summary>A text of every value of a team, each element of its collections included, for equality checks.</summary>
    public static string Describe(Team t)
        => $"{t.Id}|{t.Name}|[{string.Join(", ", t.Players.Select(Describe))}]|{(t.Reserves is null ? "no reserves" : "[" + string.Join(", ", t.Reserves.Select(Describe)) + "]")}";

    private static string Describe(Player p)
        => $"{p.Name}#{p.Number}({string.Join("+", p.Nicknames)})@{(p.Position is null ? "none" : p.Position.Role + "/" + p.Position.Line)}";

    /// <summary>A new player.</summary>
    public static Player Player(string name, int number, string? role = null, int line = 0, params string[] nicknames)
        => new() { Name = name, Number = number, Nicknames = [.. nicknames], Position = role is null ? null : new Position { Role = role, Line = line } };

    /// <summary>A text of every value of a member, nested ones included, for equality checks.</summary>
    public static string Describe(Member m)
        => $"{m.Id}|{m.Name}|{m.Level}|{m.Address.Street}|{m.Address.City}|{m.Address.Zip}|{string.Join("+", m.Address.Lines)}"
            + $"|{m.Address.Geo.Lat}|{m.Address.Geo.Lon}|{m.Address.Geo.Label ?? "null"}|{(m.Contact is null ? "no contact" : m.Contact.Email + "/" + (m.Contact.Phone ?? "null"))}";

    /// <inheritdoc />
    protected override async Task SeedAsync(ComplexTypesContext context)
    {
        context.Members.AddRange(Create());
        context.Teams.AddRange(CreateTeams());
        await context.SaveChangesAsync();
    }

    private static List<Member> Create()
        =>
        [
            New("m1", "Ada", 3, "Karl Johans gate 1", "Oslo", 150, ["c/o Ada", "2nd floor"], 59.91, 10.75, "center", new Contact { Email = "ada@example.com", Phone = "123" }),
            New("m2", "Bo", 1, "Storgata 2", "Tromso", null, [], 69.65, 18.96, null, null),
            New("m3", "Cy", 5, "Main St 3", "Bergen", 5003, ["harbour side"], 60.39, 5.32, "harbour", new Contact { Email = "cy@example.com" }),
            New("m4", "Di", 2, "Ring 4", "Oslo", 151, [], 59.95, 10.8, null, null),
            New("m5", "Ed", 4, "Fjord 5", "Alesund", null, [], 62.47, 6.15, "coast", null),
        ];

    private static List<Team> CreateTeams()
        =>
        [
            new() { Id = "t1", Name = "Lions", Players = [Player("Ann", 9, "forward", 1, "Annie"), Player("Ben", 4, "back", 3), Player("Cid", 1)], Reserves = [Player("Dan", 12)] },
            new() { Id = "t2", Name = "Owls", Players = [], Reserves = [] },
            new() { Id = "t3", Name = "Bears", Players = [Player("Eve", 7, "mid", 2, "E", "Evie")], Reserves = null },
        ];

    private static Member New(
        string id, string name, int level, string street, string city, int? zip, List<string> lines, double lat, double lon, string? label, Contact? contact)
        => new()
        {
            Id = id,
            Name = name,
            Level = level,
            Address = new Address { Street = street, City = city, Zip = zip, Lines = lines, Geo = new Geo { Lat = lat, Lon = lon, Label = label } },
            Contact = contact,
        };
}
