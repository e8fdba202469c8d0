using System.Globalization;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Timestamps;

/// <summary>
/// <c>modelBuilder.HasTimestamps()</c>: CreatedAt and UpdatedAt set on add (the same UTC instant), UpdatedAt moved
/// on every change with CreatedAt kept, in the entity's own DateTime/DateTimeOffset properties or in shadow
/// DateTime ones; an entity type with <c>HasTimestamps(false)</c> untouched. Checked on the entities, raw, and in
/// the UpdateItem requests.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class TimestampsTests(TimestampsFixture fixture) : IClassFixture<TimestampsFixture>
{
    [Fact]
    public async Task Adding_sets_shadow_CreatedAt_and_UpdatedAt_to_the_same_UTC_time_and_stores_them()
    {
        var before = DateTime.UtcNow;
        DateTime createdAt, updatedAt;
        await using (var context = fixture.CreateContext())
        {
            var post = new Post { Id = "add-1", Title = "Hello" };
            context.Posts.Add(post);
            await context.SaveChangesAsync();
            createdAt = context.Entry(post).Property<DateTime>("CreatedAt").CurrentValue;
            updatedAt = context.Entry(post).Property<DateTime>("UpdatedAt").CurrentValue;
        }

        var after = DateTime.UtcNow;
        Assert.Equal(DateTimeKind.Utc, createdAt.Kind);
        Assert.Equal(createdAt, updatedAt);
        Assert.InRange(createdAt, before, after);
        var item = await fixture.GetRawItemAsync("Posts", ("Id", Attr.S("add-1")));
        Assert.NotNull(item);
        Assert.Equal(["CreatedAt", "Id", "Title", "UpdatedAt"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(createdAt.ToString("O", CultureInfo.InvariantCulture), item["CreatedAt"].S);
        Assert.Equal(item["CreatedAt"].S, item["UpdatedAt"].S);
        Assert.EndsWith("Z", item["CreatedAt"].S, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Modifying_moves_UpdatedAt_and_keeps_CreatedAt()
    {
        DateTime createdAt;
        await using (var context = fixture.CreateContext())
        {
            var post = new Post { Id = "modify-1", Title = "First" };
            context.Posts.Add(post);
            await context.SaveChangesAsync();
            createdAt = context.Entry(post).Property<DateTime>("CreatedAt").CurrentValue;
        }

        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging()))
        {
            var post = await context.Posts.SingleAsync(p => p.Id == "modify-1");
            Assert.Equal(createdAt, context.Entry(post).Property<DateTime>("CreatedAt").CurrentValue);
            log.Clear();

            post.Title = "Second";
            await context.SaveChangesAsync();

            Assert.Equal(createdAt, context.Entry(post).Property<DateTime>("CreatedAt").CurrentValue);
            Assert.True(context.Entry(post).Property<DateTime>("UpdatedAt").CurrentValue > createdAt);
        }

        var update = Assert.Single(log.Requests);
        Assert.Equal("UpdateItem", update.Operation);
        Assert.Equal(["Title", "UpdatedAt"], update.Details().ReferencedNames("UpdateExpression"));

        await using (var context = fixture.CreateContext())
        {
            var post = await context.Posts.SingleAsync(p => p.Id == "modify-1");
            var storedCreatedAt = context.Entry(post).Property<DateTime>("CreatedAt").CurrentValue;
            var storedUpdatedAt = context.Entry(post).Property<DateTime>("UpdatedAt").CurrentValue;
            Assert.Equal(createdAt, storedCreatedAt);
            Assert.True(storedUpdatedAt > storedCreatedAt);
            Assert.Equal(DateTimeKind.Utc, storedUpdatedAt.Kind);
            Assert.Equal("Second", post.Title);
        }
    }

    [Fact]
    public async Task The_entitys_own_DateTimeOffset_properties_are_set_in_UTC()
    {
        var before = DateTimeOffset.UtcNow;
        var invoice = new Invoice { Id = "dto-1", Amount = 10m };
        await using (var context = fixture.CreateContext())
        {
            context.Invoices.Add(invoice);
            await context.SaveChangesAsync();
        }

        Assert.InRange(invoice.CreatedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(invoice.CreatedAt, invoice.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, invoice.CreatedAt.Offset);
        var item = await fixture.GetRawItemAsync("Invoices", ("Id", Attr.S("dto-1")));
        Assert.Equal(item!["CreatedAt"].S, item["UpdatedAt"].S);
        Assert.EndsWith("Z", item["CreatedAt"].S, StringComparison.Ordinal);

        await using (var context = fixture.CreateContext())
        {
            var stored = await context.Invoices.SingleAsync(i => i.Id == "dto-1");
            Assert.Equal((invoice.CreatedAt, invoice.UpdatedAt), (stored.CreatedAt, stored.UpdatedAt));
            stored.Amount = 11m;
            await context.SaveChangesAsync();
            Assert.Equal(invoice.CreatedAt, stored.CreatedAt);
            Assert.True(stored.UpdatedAt > stored.CreatedAt);
        }
    }

    [Fact]
    public async Task The_entitys_own_DateTime_properties_are_set_in_UTC_a_nullable_UpdatedAt_too()
    {
        var before = DateTime.UtcNow;
        var draft = new Draft { Id = "dt-1", Body = "text" };
        await using (var context = fixture.CreateContext())
        {
            context.Drafts.Add(draft);
            await context.SaveChangesAsync();
        }

        Assert.InRange(draft.CreatedAt, before, DateTime.UtcNow);
        Assert.Equal(DateTimeKind.Utc, draft.CreatedAt.Kind);
        Assert.Equal(draft.CreatedAt, draft.UpdatedAt);

        await using (var context = fixture.CreateContext())
        {
            var stored = await context.Drafts.SingleAsync(d => d.Id == "dt-1");
            Assert.Equal((draft.CreatedAt, draft.UpdatedAt), (stored.CreatedAt, stored.UpdatedAt));
            stored.Body = "more text";
            await context.SaveChangesAsync();
            Assert.Equal(draft.CreatedAt, stored.CreatedAt);
            Assert.True(stored.UpdatedAt > stored.CreatedAt);
        }
    }

    [Fact]
    public async Task An_entity_type_with_timestamps_turned_off_gets_no_properties_and_no_attributes()
    {
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging()))
        {
            Assert.Null(context.Model.FindEntityType(typeof(Tag))!.FindProperty("CreatedAt"));
            Assert.Null(context.Model.FindEntityType(typeof(Tag))!.FindProperty("UpdatedAt"));
            var tag = new Tag { Id = "off-1", Uses = 1 };
            context.Tags.Add(tag);
            await context.SaveChangesAsync();
            tag.Uses = 2;
            await context.SaveChangesAsync();
        }

        var item = await fixture.GetRawItemAsync("Tags", ("Id", Attr.S("off-1")));
        Assert.Equal(["Id", "Uses"], item!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2", item["Uses"].N);
        Assert.Equal(["Uses"], log.Requests[^1].Details().ReferencedNames("UpdateExpression"));
    }

    [Fact]
    public async Task Entities_added_and_modified_in_one_save_get_the_same_time()
    {
        await using (var context = fixture.CreateContext())
        {
            context.Posts.Add(new Post { Id = "tx-old", Title = "old" });
            await context.SaveChangesAsync();
        }

        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            var old = await context.Posts.SingleAsync(p => p.Id == "tx-old");
            var oldCreatedAt = context.Entry(old).Property<DateTime>("CreatedAt").CurrentValue;
            old.Title = "changed";
            var added = new Post { Id = "tx-new", Title = "new" };
            context.Posts.Add(added);
            log.Clear();

            await context.SaveChangesAsync();

            Assert.Equal(["TransactWriteItems"], log.Operations);
            var now = context.Entry(added).Property<DateTime>("CreatedAt").CurrentValue;
            Assert.Equal(now, context.Entry(added).Property<DateTime>("UpdatedAt").CurrentValue);
            Assert.Equal(now, context.Entry(old).Property<DateTime>("UpdatedAt").CurrentValue);
            Assert.Equal(oldCreatedAt, context.Entry(old).Property<DateTime>("CreatedAt").CurrentValue);
        }
    }

    [Fact]
    public async Task A_shadow_timestamp_can_be_filtered_on()
    {
        DateTime createdAt;
        await using (var context = fixture.CreateContext())
        {
            var post = new Post { Id = "filter-1", Title = "filtered" };
            context.Posts.Add(post);
            await context.SaveChangesAsync();
            createdAt = context.Entry(post).Property<DateTime>("CreatedAt").CurrentValue;
        }

        await using (var context = fixture.CreateContext())
        {
            var posts = await context.Posts.Where(p => p.Id == "filter-1" && EF.Property<DateTime>(p, "CreatedAt") == createdAt).ToListAsync();

            Assert.Equal(["filter-1"], posts.Select(p => p.Id));
        }
    }
}
