using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>
/// Key values against DynamoDB Local: an unset Guid key is generated on the client, written as its "D" text and
/// found again by it; a set one is kept; int keys are never generated, so 0 is stored as 0 and a second 0 is a
/// duplicate key.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ValueGenerationTests(ValueGenerationFixture fixture) : IClassFixture<ValueGenerationFixture>
{
    [Fact]
    public void Guid_keys_are_generated_on_add_and_int_keys_never()
    {
        using var context = fixture.CreateContext();

        Assert.Equal(ValueGenerated.OnAdd, context.Model.FindEntityType(typeof(Device))!.FindProperty(nameof(Device.Id))!.ValueGenerated);
        Assert.Equal(ValueGenerated.Never, context.Model.FindEntityType(typeof(Slot))!.FindProperty(nameof(Slot.Id))!.ValueGenerated);
        Assert.Equal(ValueGenerated.Never, context.Model.FindEntityType(typeof(Device))!.FindProperty(nameof(Device.Owner))!.ValueGenerated);
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

        await using var reader = fixture.CreateContext();
        Assert.Equal("generated", (await reader.Devices.FindAsync(device.Id))!.Name);
        Assert.Equal("generated", (await reader.Devices.AsNoTracking().SingleAsync(d => d.Id == device.Id)).Name);
    }

    [Fact]
    public async Task Several_added_entities_get_distinct_keys_in_one_save()
    {
        var devices = Enumerable.Range(0, 3).Select(i => new Device { Name = "batch" + i }).ToList();
        await using (var context = fixture.CreateContext())
        {
            context.Devices.AddRange(devices);
            Assert.Equal(3, await context.SaveChangesAsync());
        }

        Assert.Equal(3, devices.Select(d => d.Id).Distinct().Count());
        foreach (var device in devices)
        {
            Assert.NotNull(await fixture.GetRawItemAsync("Devices", ("Id", Attr.S(device.Id.ToString("D")))));
        }
    }

    [Fact]
    public async Task A_set_Guid_key_is_kept()
    {
        var id = Guid.NewGuid();
        await using (var context = fixture.CreateContext())
        {
            context.Devices.Add(new Device { Id = id, Name = "chosen" });
            await context.SaveChangesAsync();
        }

        Assert.Equal("S:chosen", AttributeValueText.Of((await fixture.GetRawItemAsync("Devices", ("Id", Attr.S(id.ToString("D")))))!["Name"]));
    }

    [Fact]
    public async Task An_int_key_of_zero_is_stored_as_zero_and_a_second_one_is_a_duplicate_key()
    {
        var slot = new Slot { Name = "zero" };
        await using (var context = fixture.CreateContext())
        {
            context.Slots.Add(slot);
            await context.SaveChangesAsync();
        }

        Assert.Equal(0, slot.Id);
        Assert.Equal("S:zero", AttributeValueText.Of((await fixture.GetRawItemAsync("Slots", ("Id", Attr.N(0))))!["Name"]));

        await using var again = fixture.CreateContext();
        again.Slots.Add(new Slot { Name = "also zero" });
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
        Assert.Equal("S:zero", AttributeValueText.Of((await fixture.GetRawItemAsync("Slots", ("Id", Attr.N(0))))!["Name"]));
    }

    [Fact]
    public async Task An_int_key_is_written_as_set()
    {
        await using (var context = fixture.CreateContext())
        {
            context.Slots.Add(new Slot { Id = 42, Name = "answer" });
            await context.SaveChangesAsync();
        }

        await using var reader = fixture.CreateContext();
        Assert.Equal("answer", (await reader.Slots.FindAsync(42))!.Name);
    }
}
