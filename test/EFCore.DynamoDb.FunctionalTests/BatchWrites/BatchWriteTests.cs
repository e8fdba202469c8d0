using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.BatchWrites;

/// <summary>
/// BatchPutAsync and BatchDeleteAsync against DynamoDB Local: the item written is the one SaveChanges writes, the
/// entities stay untracked, keys are converted as SaveChanges converts them, and with faults injected at the HTTP
/// level (throttling, server errors, partially unprocessed batches) every item ends up written or deleted exactly
/// once, checked by scanning the raw table.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class BatchWriteTests(BatchWritesFixture fixture) : IClassFixture<BatchWritesFixture>
{
    private static readonly string[] Timestamps = ["CreatedAt", "UpdatedAt"];

    private static Crate NewCrate(Guid id, string label)
        => new()
        {
            Id = id,
            Label = label,
            Weight = 12.75m,
            Tags = ["fragile", "top"],
            Note = null,
            Size = new Size { Width = 1.5, Height = 0.25 },
            Origin = new Place { City = "Oslo", Country = "NO" },
            Contents = [new ContentLine { Sku = "a", Quantity = 2 }, new ContentLine { Sku = "b", Quantity = 1 }],
        };

    private static ColdCrate NewColdCrate(Guid id)
        => new() { Id = id, Label = "cold", Temperature = -18.5, Size = new Size { Width = 2, Height = 3 }, Origin = null, Contents = [] };

    private static List<Slot> NewSlots(string run, int count)
        => Enumerable.Range(0, count)
            .Select(i => new Slot { Aisle = run + "-" + i / 100, Position = i.ToString("D5"), Label = "label " + i, Load = i })
            .ToList();

    private static string NewRun() => Guid.NewGuid().ToString("N")[..8];

    private Task<Dictionary<string, AttributeValue>?> RawCrateAsync(Guid id) => fixture.GetRawItemAsync("Crates", ("Id", Attr.S(id.ToString())));

    // The run's slots in the table, as "aisle/position → label/load"; a key stored twice would fail the dictionary.
    private async Task<Dictionary<string, string>> RawSlotsAsync(string run)
        => (await fixture.ScanRawAsync("Slots"))
            .Where(item => item["Aisle"].S.StartsWith("AISLE#" + run + "-", StringComparison.Ordinal))
            .ToDictionary(item => item["Aisle"].S + "/" + item["Position"].S, item => item["Label"].S + "/" + item["Load"].N);

    private static Dictionary<string, string> Expected(IEnumerable<Slot> slots)
        => slots.ToDictionary(s => "AISLE#" + s.Aisle + "/POS#" + s.Position, s => s.Label + "/" + s.Load);

    private static Dictionary<string, string> WithoutKeyAndTimestamps(Dictionary<string, AttributeValue> item)
        => item.Where(a => a.Key != "Id" && !Timestamps.Contains(a.Key)).ToDictionary(a => a.Key, a => Attr.Text(a.Value));

    private static void AssertRecentTimestamps(Dictionary<string, AttributeValue> item)
    {
        foreach (var name in Timestamps)
        {
            var time = DateTime.Parse(item[name].S, null, System.Globalization.DateTimeStyles.RoundtripKind);
            Assert.InRange(DateTime.UtcNow - time.ToUniversalTime(), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        }

        Assert.Equal(item["CreatedAt"].S, item["UpdatedAt"].S);
    }

    [Fact]
    public async Task BatchPutAsync_writes_the_item_SaveChanges_writes_for_an_added_entity()
    {
        var (savedId, batchId) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = fixture.CreateContext())
        {
            db.Crates.Add(NewCrate(savedId, "same"));
            await db.SaveChangesAsync();
        }

        await using (var db = fixture.CreateContext())
        {
            await db.Crates.BatchPutAsync([NewCrate(batchId, "same")]);
        }

        var saved = (await RawCrateAsync(savedId))!;
        var batched = (await RawCrateAsync(batchId))!;
        Assert.Equal(WithoutKeyAndTimestamps(saved), WithoutKeyAndTimestamps(batched));
        Assert.Equal(["$type", "Contents", "CreatedAt", "Id", "Label", "Size", "Tags", "UpdatedAt", "Weight", "origin"], batched.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("S:Crate", Attr.Text(batched["$type"]));
        Assert.Equal("M{City=S:Oslo, Country=S:NO}", Attr.Text(batched["origin"]));
        Assert.Equal("L[M{Quantity=N:2, Sku=S:a}, M{Quantity=N:1, Sku=S:b}]", Attr.Text(batched["Contents"]));
        AssertRecentTimestamps(batched);
    }

    [Fact]
    public async Task BatchPutAsync_writes_a_derived_entity_as_SaveChanges_does_with_its_discriminator()
    {
        var (savedId, batchId) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = fixture.CreateContext())
        {
            db.Crates.Add(NewColdCrate(savedId));
            await db.SaveChangesAsync();
        }

        await using (var db = fixture.CreateContext())
        {
            await db.Crates.BatchPutAsync([NewColdCrate(batchId)]);
        }

        var batched = (await RawCrateAsync(batchId))!;
        Assert.Equal(WithoutKeyAndTimestamps((await RawCrateAsync(savedId))!), WithoutKeyAndTimestamps(batched));
        Assert.Equal("S:ColdCrate", Attr.Text(batched["$type"]));
        Assert.Equal("N:-18.5", Attr.Text(batched["Temperature"]));
        Assert.False(batched.ContainsKey("origin"));
    }

    [Fact]
    public async Task BatchPutAsync_generates_an_unset_Guid_key_into_the_entity()
    {
        var crate = NewCrate(Guid.Empty, "generated");
        await using var db = fixture.CreateContext();

        await db.Crates.BatchPutAsync([crate]);

        Assert.NotEqual(Guid.Empty, crate.Id);
        Assert.Equal("S:generated", Attr.Text((await RawCrateAsync(crate.Id))!["Label"]));
    }

    [Fact]
    public async Task BatchPutAsync_leaves_the_change_tracker_untouched()
    {
        await using var db = fixture.CreateContext();
        db.Crates.Attach(NewCrate(Guid.NewGuid(), "tracked"));
        var trackedBefore = db.ChangeTracker.Entries().Select(e => (e.Entity, e.State)).ToList();
        var written = new[] { NewCrate(Guid.NewGuid(), "a"), NewCrate(Guid.NewGuid(), "b") };

        await db.Crates.BatchPutAsync(written);

        Assert.Equal(trackedBefore, db.ChangeTracker.Entries().Select(e => (e.Entity, e.State)));
        Assert.All(written, c => Assert.Equal(EntityState.Detached, db.Entry(c).State));
        Assert.NotNull(await RawCrateAsync(written[0].Id));
    }

    [Fact]
    public async Task BatchPutAsync_overwrites_an_existing_item_whole()
    {
        var id = Guid.NewGuid();
        await using (var db = fixture.CreateContext())
        {
            var crate = NewCrate(id, "before");
            crate.Note = "a note";
            db.Crates.Add(crate);
            await db.SaveChangesAsync();
        }

        await using (var db = fixture.CreateContext())
        {
            await db.Crates.BatchPutAsync([NewCrate(id, "after")]);
        }

        var item = (await RawCrateAsync(id))!;
        Assert.Equal("S:after", Attr.Text(item["Label"]));
        Assert.False(item.ContainsKey("Note"));
    }

    [Fact]
    public async Task BatchDeleteAsync_deletes_by_entity_and_by_key_values_through_the_key_prefixes()
    {
        var run = NewRun();
        var slots = NewSlots(run, 4);
        await using var db = fixture.CreateContext();
        await db.Slots.BatchPutAsync(slots);

        await db.Slots.BatchDeleteAsync([slots[0]]);
        await db.Slots.BatchDeleteAsync([new object[] { slots[1].Aisle, slots[1].Position }]);

        Assert.Equal(Expected(slots[2..]), await RawSlotsAsync(run));
        Assert.NotNull(await fixture.GetRawItemAsync("Slots", ("Aisle", Attr.S("AISLE#" + run + "-0")), ("Position", Attr.S("POS#00002"))));
    }

    [Fact]
    public async Task BatchDeleteAsync_by_partition_key_value_deletes_the_item()
    {
        var crate = NewCrate(Guid.NewGuid(), "doomed");
        await using var db = fixture.CreateContext();
        await db.Crates.BatchPutAsync([crate]);

        await db.Crates.BatchDeleteAsync([crate.Id]);

        Assert.Null(await RawCrateAsync(crate.Id));
    }

    [Fact]
    public async Task Duplicate_keys_are_refused_before_anything_is_sent()
    {
        var run = NewRun();
        var log = new RequestLog();
        await using var db = fixture.CreateContext(log);
        var slots = NewSlots(run, 30);
        slots.Add(new Slot { Aisle = slots[3].Aisle, Position = slots[3].Position, Label = "again" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Slots.BatchPutAsync(slots));

        Assert.Empty(log.Requests);
        Assert.Empty(await RawSlotsAsync(run));
    }

    [Fact]
    public async Task BatchPutAsync_of_1000_entities_writes_each_once_although_DynamoDB_leaves_writes_unprocessed()
    {
        var run = NewRun();
        var slots = NewSlots(run, 1000);
        using var faults = new FaultInjectingHandler(0.3, seed: 1, InjectedFault.PartialBatchWrite);
        using var client = faults.CreateClient(fixture.Server.ServiceUrl);
        await using var db = fixture.CreateContext(client);

        await db.Slots.BatchPutAsync(slots);

        Assert.InRange(faults.Injected(InjectedFault.PartialBatchWrite), 5, int.MaxValue);
        Assert.InRange(faults.HeldBackWrites, 50, int.MaxValue);
        Assert.Equal(Expected(slots), await RawSlotsAsync(run));
    }

    [Fact]
    public async Task BatchDeleteAsync_of_1000_keys_deletes_each_although_DynamoDB_leaves_writes_unprocessed()
    {
        var run = NewRun();
        var slots = NewSlots(run, 1000);
        using var faults = new FaultInjectingHandler(0.3, seed: 2, InjectedFault.PartialBatchWrite) { Enabled = false };
        using var client = faults.CreateClient(fixture.Server.ServiceUrl);
        await using var db = fixture.CreateContext(client);
        await db.Slots.BatchPutAsync(slots);
        Assert.Equal(1000, (await RawSlotsAsync(run)).Count);
        faults.Enabled = true;

        await db.Slots.BatchDeleteAsync(slots.Select(s => new object[] { s.Aisle, s.Position }));

        Assert.InRange(faults.Injected(InjectedFault.PartialBatchWrite), 5, int.MaxValue);
        Assert.InRange(faults.HeldBackWrites, 50, int.MaxValue);
        Assert.Empty(await RawSlotsAsync(run));
    }

    [Fact]
    public async Task BatchPutAsync_of_5000_entities_writes_each_once_when_a_fifth_of_the_calls_fail()
    {
        var run = NewRun();
        var slots = NewSlots(run, 5000);
        InjectedFault[] kinds =
        [
            InjectedFault.Throttling,
            InjectedFault.ProvisionedThroughputExceeded,
            InjectedFault.RequestLimitExceeded,
            InjectedFault.InternalServerError,
            InjectedFault.PartialBatchWrite,
        ];
        using var faults = new FaultInjectingHandler(0.2, seed: 3, kinds);

        // Without the SDK's retries, every failed call is retried by the provider.
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var db = fixture.CreateContext(client);

        await db.Slots.BatchPutAsync(slots);

        Assert.All(kinds, fault => Assert.InRange(faults.Injected(fault), 1, int.MaxValue));
        Assert.Equal(Expected(slots), await RawSlotsAsync(run));
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_retries_promptly()
    {
        var run = NewRun();
        using var faults = new FaultInjectingHandler(1.0, seed: 4, InjectedFault.InternalServerError);
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var db = fixture.CreateContext(client);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Slots.BatchPutAsync(NewSlots(run, 50), cancellation.Token));

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        var calls = faults.InjectedTotal;
        await Task.Delay(300);
        Assert.Equal(calls, faults.InjectedTotal);
        Assert.Empty(await RawSlotsAsync(run));
    }
}
