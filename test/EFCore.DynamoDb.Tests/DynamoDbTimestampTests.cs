using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// Timestamps (<c>HasTimestamps</c>) without a server: which entity types get CreatedAt/UpdatedAt and of what kind,
/// and the values SaveChanges writes, recorded instead of sent.
/// </summary>
public sealed class DynamoDbTimestampTests
{
    private static ScenarioContext Context(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            buildModel,
            configure: ScriptedClientWrapper.Use,
            scenario: nameof(DynamoDbTimestampTests) + "." + scenario);

    private static void AllTypes(ModelBuilder b)
    {
        b.Entity<Post>();
        b.Entity<Invoice>();
        b.Entity<Tag>();
    }

    [Fact]
    public void Model_timestamps_give_entity_types_without_them_shadow_UTC_DateTime_properties()
    {
        using var db = Context(b =>
        {
            AllTypes(b);
            b.HasTimestamps();
        });

        var post = db.Model.FindEntityType(typeof(Post))!;
        foreach (var name in new[] { "CreatedAt", "UpdatedAt" })
        {
            var property = post.FindProperty(name)!;
            Assert.True(property.IsShadowProperty());
            Assert.Equal(typeof(DateTime), property.ClrType);
        }

        Assert.True(post.AreTimestampsEnabled());
    }

    [Fact]
    public void An_entity_types_own_timestamp_properties_are_used()
    {
        using var db = Context(b =>
        {
            AllTypes(b);
            b.HasTimestamps();
        });

        var invoice = db.Model.FindEntityType(typeof(Invoice))!;
        Assert.False(invoice.FindProperty("CreatedAt")!.IsShadowProperty());
        Assert.Equal(typeof(DateTimeOffset), invoice.FindProperty("CreatedAt")!.ClrType);
        Assert.Equal(typeof(DateTimeOffset?), invoice.FindProperty("UpdatedAt")!.ClrType);
    }

    [Fact]
    public void HasTimestamps_false_on_one_entity_type_leaves_it_out_of_the_models_timestamps()
    {
        using var db = Context(b =>
        {
            AllTypes(b);
            b.HasTimestamps();
            b.Entity<Tag>().HasTimestamps(false);
        });

        var tag = db.Model.FindEntityType(typeof(Tag))!;
        Assert.False(tag.AreTimestampsEnabled());
        Assert.Null(tag.FindProperty("CreatedAt"));
        Assert.Null(tag.FindProperty("UpdatedAt"));
        Assert.NotNull(db.Model.FindEntityType(typeof(Post))!.FindProperty("CreatedAt"));
    }

    [Fact]
    public void Entity_timestamps_apply_to_that_entity_type_only()
    {
        using var db = Context(b =>
        {
            AllTypes(b);
            b.Entity<Post>().HasTimestamps();
        });

        Assert.NotNull(db.Model.FindEntityType(typeof(Post))!.FindProperty("UpdatedAt"));
        Assert.Null(db.Model.FindEntityType(typeof(Tag))!.FindProperty("UpdatedAt"));
        Assert.False(db.Model.FindEntityType(typeof(Tag))!.AreTimestampsEnabled());
    }

    [Fact]
    public void Without_timestamps_no_entity_type_gets_them()
    {
        using var db = Context(AllTypes);

        Assert.All(db.Model.GetEntityTypes(), e => Assert.False(e.AreTimestampsEnabled()));
        Assert.Null(db.Model.FindEntityType(typeof(Post))!.FindProperty("CreatedAt"));
        Assert.Null(db.Model.FindEntityType(typeof(Tag))!.FindProperty("UpdatedAt"));
    }

    [Fact]
    public void A_derived_entity_type_has_the_timestamps_of_its_hierarchy()
    {
        using var db = Context(b =>
        {
            b.Entity<Post>();
            b.Entity<Article>();
            b.HasTimestamps();
        });

        var article = db.Model.FindEntityType(typeof(Article))!;
        Assert.True(article.AreTimestampsEnabled());
        Assert.Equal(typeof(Post), article.FindProperty("CreatedAt")!.DeclaringType.ClrType);
    }

    [Fact]
    public async Task Adding_writes_CreatedAt_and_UpdatedAt_as_the_same_UTC_instant()
    {
        await using var db = Context(b =>
        {
            AllTypes(b);
            b.HasTimestamps();
        });
        var before = DateTime.UtcNow;
        var post = new Post { Id = "p1" };
        db.Add(post);

        await db.SaveChangesAsync();

        var createdAt = db.Entry(post).Property<DateTime>("CreatedAt").CurrentValue;
        Assert.InRange(createdAt, before, DateTime.UtcNow);
        Assert.Equal(DateTimeKind.Utc, createdAt.Kind);
        var put = Assert.IsType<PutItemRequest>(Assert.Single(ScriptedClientWrapper.Of(db).Requests));
        Assert.Equal(put.Item["CreatedAt"].S, put.Item["UpdatedAt"].S);
        Assert.Equal(createdAt, DateTime.Parse(put.Item["CreatedAt"].S, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind));
    }

    [Fact]
    public async Task Modifying_sets_UpdatedAt_only()
    {
        await using var db = Context(b =>
        {
            AllTypes(b);
            b.HasTimestamps();
        });
        var created = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        var invoice = new Invoice { Id = "i1", Amount = 1m, CreatedAt = created, UpdatedAt = created };
        db.Attach(invoice);
        invoice.Amount = 2m;

        await db.SaveChangesAsync();

        Assert.Equal(created, invoice.CreatedAt);
        Assert.True(invoice.UpdatedAt > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(TimeSpan.Zero, invoice.UpdatedAt!.Value.Offset);
        var update = Assert.IsType<UpdateItemRequest>(Assert.Single(ScriptedClientWrapper.Of(db).Requests));
        Assert.Equal(["Amount", "UpdatedAt"], update.ExpressionAttributeNames.Values.Where(n => update.UpdateExpression.Contains(Placeholder(update, n), StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Deleting_and_unchanged_entities_are_not_stamped()
    {
        await using var db = Context(b =>
        {
            AllTypes(b);
            b.HasTimestamps();
        });
        var created = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var deleted = new Invoice { Id = "i1", CreatedAt = created, UpdatedAt = created };
        var unchanged = new Invoice { Id = "i2", CreatedAt = created, UpdatedAt = created };
        db.AttachRange(deleted, unchanged);
        db.Remove(deleted);

        await db.SaveChangesAsync();

        Assert.Equal((created, created), (deleted.CreatedAt, deleted.UpdatedAt!.Value));
        Assert.Equal((created, created), (unchanged.CreatedAt, unchanged.UpdatedAt!.Value));
        Assert.IsType<DeleteItemRequest>(Assert.Single(ScriptedClientWrapper.Of(db).Requests));
    }

    [Fact]
    public async Task An_entity_type_without_timestamps_is_written_as_it_is()
    {
        await using var db = Context(b =>
        {
            AllTypes(b);
            b.HasTimestamps();
            b.Entity<Tag>().HasTimestamps(false);
        });
        db.Add(new Tag { Id = "t1", Uses = 1 });

        await db.SaveChangesAsync();

        var put = Assert.IsType<PutItemRequest>(Assert.Single(ScriptedClientWrapper.Of(db).Requests));
        Assert.Equal(["Id", "Uses"], put.Item.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Model_timestamps_leave_owned_entities_alone_as_they_are_stored_in_their_owners_item()
    {
        await using var db = Context(b =>
        {
            b.Entity<Story>().OwnsOne(p => p.Byline);
            b.HasTimestamps();
        });
        db.Add(new Story { Id = "s1", Byline = new Byline { Author = "Ann" } });

        await db.SaveChangesAsync();

        var put = Assert.IsType<PutItemRequest>(Assert.Single(ScriptedClientWrapper.Of(db).Requests));
        Assert.Equal(["Author"], put.Item["Byline"].M.Keys);
        Assert.True(put.Item.ContainsKey("CreatedAt"));
    }

    private static string Placeholder(UpdateItemRequest request, string attributeName)
        => request.ExpressionAttributeNames.Single(p => p.Value == attributeName).Key;

    public class Post
    {
        public string Id { get; set; } = "";

        public string? Title { get; set; }
    }

    public class Story
    {
        public string Id { get; set; } = "";

        public Byline? Byline { get; set; }
    }

    public class Byline
    {
        public string Author { get; set; } = "";
    }

    public class Article : Post
    {
        public string? Body { get; set; }
    }

    public class Invoice
    {
        public string Id { get; set; } = "";

        public decimal Amount { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? UpdatedAt { get; set; }
    }

    public class Tag
    {
        public string Id { get; set; } = "";

        public int Uses { get; set; }
    }
}
