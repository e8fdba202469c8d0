using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Timestamps;

/// <summary><c>entity.HasTimestamps()</c> on one entity type: it gets timestamps, the model's other types do not.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class EntityTimestampsTests(EntityTimestampsFixture fixture) : IClassFixture<EntityTimestampsFixture>
{
    [Fact]
    public async Task Only_the_entity_type_with_timestamps_gets_them()
    {
        var before = DateTime.UtcNow;
        await using (var context = fixture.CreateContext())
        {
            Assert.Null(context.Model.FindEntityType(typeof(Tag))!.FindProperty("CreatedAt"));
            context.Posts.Add(new Post { Id = "p1", Title = "t" });
            context.Tags.Add(new Tag { Id = "t1", Uses = 3 });
            await context.SaveChangesAsync();
        }

        var post = await fixture.GetRawItemAsync("Posts", ("Id", Attr.S("p1")));
        Assert.Equal(["CreatedAt", "Id", "Title", "UpdatedAt"], post!.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(DateTime.Parse(post["CreatedAt"].S, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind), before, DateTime.UtcNow);
        var tag = await fixture.GetRawItemAsync("Tags", ("Id", Attr.S("t1")));
        Assert.Equal(["Id", "Uses"], tag!.Keys.Order(StringComparer.Ordinal));
    }
}
