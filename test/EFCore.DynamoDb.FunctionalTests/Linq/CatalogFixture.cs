using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// 250 parts ("p000" to "p249") and 190 bins (slots 1 to 150 in "w1", 1 to 40 in "w2"), written once per test class
/// in saves of at most 100 entities (one transaction each).
/// </summary>
public sealed class CatalogFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<CatalogContext>(server)
{
    /// <summary>The parts as they are stored, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Part> Parts { get; } = CreateParts();

    /// <summary>The bins as they are stored, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Bin> Bins { get; } = CreateBins();

    /// <inheritdoc />
    protected override async Task SeedAsync(CatalogContext context)
    {
        foreach (var chunk in CreateParts().Chunk(100))
        {
            context.Parts.AddRange(chunk);
            await context.SaveChangesAsync();
            context.ChangeTracker.Clear();
        }

        foreach (var chunk in CreateBins().Chunk(100))
        {
            context.Bins.AddRange(chunk);
            await context.SaveChangesAsync();
            context.ChangeTracker.Clear();
        }
    }

    private static List<Part> CreateParts()
        => Enumerable.Range(0, 250)
            .Select(i => new Part
            {
                Sku = "p" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                Name = "Part " + i,
                Price = i % 20 * 0.5m + 1m,
                Stock = i % 4 == 0 ? null : i % 30,
            })
            .ToList();

    private static List<Bin> CreateBins()
        => Enumerable.Range(1, 150).Select(s => new Bin { Warehouse = "w1", Slot = s, Label = "w1-" + s })
            .Concat(Enumerable.Range(1, 40).Select(s => new Bin { Warehouse = "w2", Slot = s, Label = "w2-" + s }))
            .ToList();
}
