using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>Five members, written once through the provider; the tests that change one use members of their own.</summary>
public sealed class ComplexTypesFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<ComplexTypesContext>(server)
{
    /// <summary>The seeded members, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Member> Members { get; } = Create();

    /// <summary>A text of every value of a member, nested ones included, for equality checks.</summary>
    public static string Describe(Member m)
        => $"{m.Id}|{m.Name}|{m.Level}|{m.Address.Street}|{m.Address.City}|{m.Address.Zip}|{string.Join("+", m.Address.Lines)}"
            + $"|{m.Address.Geo.Lat}|{m.Address.Geo.Lon}|{m.Address.Geo.Label ?? "null"}|{(m.Contact is null ? "no contact" : m.Contact.Email + "/" + (m.Contact.Phone ?? "null"))}";

    /// <inheritdoc />
    protected override async Task SeedAsync(ComplexTypesContext context)
    {
        context.Members.AddRange(Create());
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
