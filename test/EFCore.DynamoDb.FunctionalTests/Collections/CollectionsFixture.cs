using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Collections;

/// <summary>Writes the <see cref="BasketSeed" /> baskets through the provider once and keeps their raw items.</summary>
public sealed class CollectionsFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<CollectionsContext>(server)
{
    private readonly Dictionary<string, Dictionary<string, AttributeValue>> _rawItems = [];

    /// <summary>The seeded baskets as they were saved, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Basket> Seed { get; } = BasketSeed.Create();

    /// <summary>The raw item of a seeded basket, read with the SDK after the provider wrote it.</summary>
    public Dictionary<string, AttributeValue> RawItem(string id) => _rawItems[id];

    /// <summary>Reads a basket's raw item with the SDK, or null when it does not exist.</summary>
    public Task<Dictionary<string, AttributeValue>?> RawBasketAsync(string owner, string id)
        => GetRawItemAsync("Baskets", ("Owner", Attr.S(owner)), ("Id", Attr.S(id)));

    /// <inheritdoc />
    protected override async Task SeedAsync(CollectionsContext context)
    {
        context.Baskets.AddRange(BasketSeed.Create());
        await context.SaveChangesAsync();

        foreach (var basket in Seed)
        {
            _rawItems[basket.Id] = await RawBasketAsync(basket.Owner, basket.Id)
                ?? throw new InvalidOperationException($"The basket '{basket.Id}' was not written.");
        }
    }
}
