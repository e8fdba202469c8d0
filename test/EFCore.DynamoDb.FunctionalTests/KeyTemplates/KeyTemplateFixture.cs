using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.KeyTemplates;

/// <summary>
/// The key template tables, seeded once through the provider: customer "42" has orders 1 to 12 (so that unpadded
/// numbers would sort 1, 10, 11, 12, 2…), customer "7" orders 3 and 100; author "ada" has notes whose slugs share
/// prefixes, author "bob" two more.
/// </summary>
public sealed class KeyTemplateFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<KeyTemplateContext>(server)
{
    /// <summary>The seeded orders, for LINQ-to-Objects.</summary>
    public IReadOnlyList<CustomerOrder> Orders { get; } = CreateOrders();

    /// <summary>The seeded notes, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Note> Notes { get; } = CreateNotes();

    /// <inheritdoc />
    protected override async Task SeedAsync(KeyTemplateContext context)
    {
        context.Orders.AddRange(CreateOrders());
        context.Notes.AddRange(CreateNotes());
        await context.SaveChangesAsync();
    }

    private static List<CustomerOrder> CreateOrders()
    {
        var orders = Enumerable.Range(1, 12)
            .Select(n => new CustomerOrder
            {
                CustomerId = "42",
                OrderNumber = n,
                Status = n % 3 == 0 ? "shipped" : "open",
                PlacedOn = new DateOnly(2024, 3, n),
                Total = n * 10.5m,
            })
            .ToList();
        orders.Add(new CustomerOrder { CustomerId = "7", OrderNumber = 3, Status = "open", PlacedOn = new DateOnly(2023, 12, 31), Total = 1m });
        orders.Add(new CustomerOrder { CustomerId = "7", OrderNumber = 100, Status = "shipped", PlacedOn = new DateOnly(2024, 3, 20), Total = 2m });
        return orders;
    }

    private static List<Note> CreateNotes()
    {
        var start = new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc);
        (string Author, string Slug, string Topic, int Hours)[] notes =
        [
            ("ada", "alpha", "db", 0),
            ("ada", "alpine", "db", 30),
            ("ada", "al", "ops", 2),
            ("ada", "beta", "db", 50),
            ("ada", "gamma", "ops", 5),
            ("ada", "b", "design", 7),
            ("bob", "alpha", "db", 12),
            ("bob", "delta", "ops", 100),
        ];
        return notes
            .Select(n => new Note { Author = n.Author, Slug = n.Slug, Topic = n.Topic, WrittenAt = start.AddHours(n.Hours), Text = n.Author + " on " + n.Slug })
            .ToList();
    }
}
