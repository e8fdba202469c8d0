using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.KeyTemplates;

/// <summary>
/// DynamoDB refuses an empty string in a table or index key attribute: SaveChanges says which entity and property
/// before sending anything (no request logged, the table stays empty).
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class EmptyKeyTests(EmptyKeyFixture fixture) : IClassFixture<EmptyKeyFixture>
{
    [Theory]
    [InlineData("", "c1", null, "Brand")]
    [InlineData("acme", "", null, "Code")]
    [InlineData("acme", "c1", "", "Category")]
    public async Task Adding_an_entity_with_an_empty_key_value_throws_and_sends_nothing(string brand, string code, string? category, string property)
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        context.Skus.Add(new Sku { Brand = brand, Code = code, Category = category });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.EmptyKeyValue("Sku", property), exception.Message);
        Assert.Empty(log.Requests);
        Assert.Empty(await ScanAsync());
    }

    [Fact]
    public async Task One_entity_with_an_empty_key_value_stops_the_whole_save_before_anything_is_sent()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        context.Skus.Add(new Sku { Brand = "acme", Code = "good", Category = "tools" });
        context.Skus.Add(new Sku { Brand = "acme", Code = "bad", Category = "" });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.EmptyKeyValue("Sku", "Category"), exception.Message);
        Assert.Empty(log.Requests);
        Assert.Empty(await ScanAsync());
    }

    [Fact]
    public async Task Changing_an_index_key_to_an_empty_string_throws_and_sends_nothing()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var sku = new Sku { Brand = "acme", Code = "attached", Category = "tools" };
        context.Skus.Attach(sku);
        sku.Category = "";

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.EmptyKeyValue("Sku", "Category"), exception.Message);
        Assert.Empty(log.Requests);
    }

    private async Task<List<Dictionary<string, AttributeValue>>> ScanAsync()
        => (await fixture.RawClient.ScanAsync(new ScanRequest { TableName = fixture.TableName("Skus"), ConsistentRead = true })).Items ?? [];
}
