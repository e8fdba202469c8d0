using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>
/// Key values against DynamoDB Local: an unset Guid key is generated on the client, written as its "D" text and
/// found again by it; a set one is kept. An unset integer key (EF's convention marks a single int/long key generated
/// on add) gets a value from its key counter, reserved in blocks (hi-lo): a save reserves what it needs in at most one
/// UpdateItem, most saves in none, and no two contexts or processes get the same value.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ValueGenerationTests(ValueGenerationFixture fixture) : IClassFixture<ValueGenerationFixture>
{
    [Fact]
    public void Guid_and_single_integer_keys_are_generated_on_add_and_other_properties_never()
    {
        using var context = fixture.CreateContext();

        Assert.Equal(ValueGenerated.OnAdd, context.Model.FindEntityType(typeof(Device))!.FindProperty(nameof(Device.Id))!.ValueGenerated);
        Assert.Equal(ValueGenerated.OnAdd, context.Model.FindEntityType(typeof(Slot))!.FindProperty(nameof(Slot.Id))!.ValueGenerated);
        Assert.Equal(ValueGenerated.Never, context.Model.FindEntityType(typeof(Device))!.FindProperty(nameof(Device.Owner))!.ValueGenerated);
        Assert.Equal(ValueGenerated.Never, context.Model.FindEntityType(typeof(Book))!.FindProperty(nameof(Book.ShelfId))!.ValueGenerated);
    }

    [Fact]
    public async Task An_unset_Guid_key_is_generated_written_and_found_again()
    {
        var device = new Device { Name = "generated" };
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            context.Devices.Add(device);
            Assert.NotEqual(Guid.Empty, device.Id);
            Assert.False(context.Entry(device).Property(d => d.Id).IsTemporary);
            await context.SaveChangesAsync();
        }

        Assert.Equal(["PutItem"], log.Operations);
        var item = await fixture.GetRawItemAsync("Devices", ("Id", Attr.S(device.Id.ToString("D"))));
        Assert.Equal(
            new Dictionary<string, string> { ["Id"] = "S:" + device.Id.ToString("D"), ["Name"] = "S:generated" },
            item!.ToDictionary(p => p.Key, p => AttributeValueText.Of(p.Value)));
    }

    [Fact]
    public async Task Adding_an_entity_gives_its_int_key_a_temporary_value_and_sends_nothing()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var slot = new Slot { Name = "pending" };

        await context.Slots.AddAsync(slot);

        Assert.True(context.Entry(slot).Property(s => s.Id).IsTemporary);
        Assert.Empty(log.Operations);
    }

    [Fact]
    public async Task A_save_reserves_all_the_int_keys_it_needs_in_one_counter_request_and_they_are_distinct()
    {
        var slots = Enumerable.Range(0, 25).Select(i => new Slot { Name = "bulk " + i }).ToList();
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log, b => b.EnableServiceProviderCaching(false)))
        {
            context.Slots.AddRange(slots);
            await context.SaveChangesAsync();
        }

        // A fresh service provider has no block yet: one UpdateItem reserves the 25 values (more than a block of 10).
        Assert.Equal(["UpdateItem", "TransactWriteItems"], log.Operations);
        var ids = slots.Select(s => s.Id).ToList();
        Assert.Equal(25, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id > 0));
        Assert.Equal(Enumerable.Range(ids.Min(), 25), ids.Order());
        var counter = await fixture.Server.RawClient.GetItemAsync(
            fixture.TableName("EFKeyCounters"),
            new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> { ["Name"] = Attr.S("Slots#Id") },
            consistentRead: true);
        Assert.True(long.Parse(counter.Item["Value"].N) >= ids.Max());
        foreach (var slot in slots)
        {
            Assert.Equal("S:" + slot.Name, AttributeValueText.Of((await fixture.GetRawItemAsync("Slots", ("Id", Attr.N(slot.Id))))!["Name"]));
        }
    }

    [Fact]
    public async Task Later_saves_take_keys_from_the_reserved_block_without_a_counter_request()
    {
        var log = new RequestLog();
        var ids = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            await using var context = fixture.CreateContext(log, b => b.EnableServiceProviderCaching(false));
            ids.Add(await AddSlotAsync(context, "one of ten"));
        }

        // Ten contexts of ten service providers: each reserves a block of its own.
        Assert.Equal(10, log.Operations.Count(o => o == "UpdateItem"));

        log.Clear();
        var shared = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            await using var context = fixture.CreateContext(log);
            shared.Add(await AddSlotAsync(context, "shared block"));
        }

        // Ten contexts of one service provider share its blocks: at most two reservations of 10 for ten keys.
        Assert.InRange(log.Operations.Count(o => o == "UpdateItem"), 1, 2);
        Assert.Equal(10, log.Operations.Count(o => o == "PutItem"));
        Assert.Equal(20, ids.Concat(shared).Distinct().Count());
    }

    [Fact]
    public async Task Contexts_of_separate_service_providers_inserting_at_once_never_get_the_same_key()
    {
        var inserted = await Task.WhenAll(Enumerable.Range(0, 4).Select(async worker =>
        {
            var ids = new List<int>();
            await using var context = fixture.CreateContext(configure: b => b.EnableServiceProviderCaching(false));
            for (var i = 0; i < 15; i++)
            {
                ids.Add(await AddSlotAsync(context, $"worker {worker}"));
            }

            return ids;
        }));

        var all = inserted.SelectMany(ids => ids).ToList();
        Assert.Equal(60, all.Distinct().Count());
        foreach (var id in all)
        {
            Assert.NotNull(await fixture.GetRawItemAsync("Slots", ("Id", Attr.N(id))));
        }
    }

    [Fact]
    public async Task A_long_key_with_its_own_block_size_reserves_a_save_at_once_then_blocks_of_its_size()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, b => b.EnableServiceProviderCaching(false));
        var seven = Enumerable.Range(1, 7).Select(i => new Receipt { Total = i }).ToList();
        context.Receipts.AddRange(seven);
        await context.SaveChangesAsync();
        var three = Enumerable.Range(1, 3).Select(i => new Receipt { Total = 10 + i }).ToList();
        foreach (var receipt in three)
        {
            context.Receipts.Add(receipt);
            await context.SaveChangesAsync();
        }

        // 7 values in one request (more than a block of 3), then one block of 3 for the next three saves.
        Assert.Equal(2, log.Operations.Count(o => o == "UpdateItem"));
        var reserves = log.Requests.Where(r => r.Operation == "UpdateItem").Select(r => r.TableName).ToList();
        Assert.All(reserves, table => Assert.Equal(fixture.TableName("EFKeyCounters"), table));
        Assert.Equal(10, seven.Concat(three).Select(r => r.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 3).Select(i => three[0].Id + i), three.Select(r => r.Id));
    }

    [Fact]
    public async Task An_int_key_set_by_the_application_is_kept_and_no_counter_is_read()
    {
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            context.Slots.Add(new Slot { Id = 4_200_000, Name = "answer" });
            await context.SaveChangesAsync();
        }

        Assert.Equal(["PutItem"], log.Operations);
        await using var reader = fixture.CreateContext();
        Assert.Equal("answer", (await reader.Slots.FindAsync(4_200_000))!.Name);
    }

    [Fact]
    public async Task New_dependents_are_written_with_the_generated_key_of_their_new_principal()
    {
        var shelf = new Shelf { Label = "fiction", Books = [new Book { Title = "Dune" }, new Book { Title = "Emma" }] };
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            context.Shelves.Add(shelf);
            await context.SaveChangesAsync();
            Assert.All(shelf.Books, b => Assert.Equal(shelf.Id, b.ShelfId));
            Assert.False(context.Entry(shelf.Books[0]).Property(b => b.ShelfId).IsTemporary);
        }

        Assert.True(shelf.Id > 0);
        foreach (var book in shelf.Books)
        {
            var item = await fixture.GetRawItemAsync("Books", ("Id", Attr.N(book.Id)));
            Assert.Equal("N:" + shelf.Id, AttributeValueText.Of(item!["ShelfId"]));
        }
    }

    [Fact]
    public async Task BatchPutAsync_gives_unset_int_keys_counter_values_from_one_request()
    {
        var slots = Enumerable.Range(0, 30).Select(i => new Slot { Name = "batched " + i }).ToList();
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log, b => b.EnableServiceProviderCaching(false)))
        {
            await context.Slots.BatchPutAsync(slots);
        }

        Assert.Equal(["UpdateItem", "BatchWriteItem", "BatchWriteItem"], log.Operations);
        Assert.Equal(30, slots.Select(s => s.Id).Distinct().Count());
        Assert.All(slots, s => Assert.True(s.Id > 0));
        Assert.NotNull(await fixture.GetRawItemAsync("Slots", ("Id", Attr.N(slots[29].Id))));
    }

    [Fact]
    public async Task A_save_without_the_counters_table_fails_naming_it_and_writes_nothing()
    {
        var prefix = DynamoDbContextFixture<ValueGenerationContext>.NewTableNamePrefix();
        await using var context = fixture.CreateContext(fixture.Server.RawClient, tableNamePrefix: prefix);
        context.Slots.Add(new Slot { Name = "nowhere" });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Contains($"'{prefix}EFKeyCounters'", exception.Message);
        Assert.Contains("'Id' of a new 'Slot'", exception.Message);
        Assert.Contains("EnsureCreatedAsync", exception.Message);
    }

    [Fact]
    public async Task A_non_generated_int_key_left_at_zero_logs_a_warning_and_is_stored_as_zero()
    {
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            context.Tickets.Add(new Ticket { Seat = "zero" });
            await context.SaveChangesAsync();
        }

        Assert.Contains(DynamoDbEventId.PrimaryKeyValueNotSet, log.EventIds);
        Assert.Equal("S:zero", AttributeValueText.Of((await fixture.GetRawItemAsync("Tickets", ("Id", Attr.N(0))))!["Seat"]));

        await using var strict = fixture.CreateContext(configure: b => b.ConfigureWarnings(w => w.Throw(DynamoDbEventId.PrimaryKeyValueNotSet)));
        strict.Tickets.Add(new Ticket { Seat = "also zero" });
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => strict.SaveChangesAsync());
        Assert.Contains("A new 'Ticket' is saved with its key 'Id' left at 0", exception.Message);
        Assert.Equal("S:zero", AttributeValueText.Of((await fixture.GetRawItemAsync("Tickets", ("Id", Attr.N(0))))!["Seat"]));
    }

    private static async Task<int> AddSlotAsync(ValueGenerationContext context, string name)
    {
        var slot = new Slot { Name = name };
        context.Slots.Add(slot);
        await context.SaveChangesAsync();
        return slot.Id;
    }
}
