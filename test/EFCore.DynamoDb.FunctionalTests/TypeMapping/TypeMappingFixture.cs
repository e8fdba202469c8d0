using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.TypeMapping;

/// <summary>Writes every <see cref="TypeSamples" /> entity through the provider once and keeps its raw item.</summary>
public sealed class TypeMappingFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<TypeMappingContext>(server)
{
    private readonly Dictionary<string, Dictionary<string, AttributeValue>> _rawItems = [];

    /// <summary>The item DynamoDB holds for a sample, read with the raw SDK after the provider wrote it.</summary>
    public Dictionary<string, AttributeValue> RawItem(string id) => _rawItems[id];

    /// <inheritdoc />
    protected override async Task SeedAsync(TypeMappingContext context)
    {
        context.Samples.AddRange(TypeSamples.Ids.Select(TypeSamples.Create));
        await context.SaveChangesAsync();

        foreach (var id in TypeSamples.Ids)
        {
            _rawItems[id] = await GetRawItemAsync("Samples", ("Id", Attr.S(id)))
                ?? throw new InvalidOperationException($"The sample '{id}' was not written.");
        }
    }
}
