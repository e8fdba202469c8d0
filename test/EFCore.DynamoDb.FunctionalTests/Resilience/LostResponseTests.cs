using System.Globalization;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>
/// Writes whose first attempt DynamoDB applied but whose answer was lost (the <see cref="FaultInjectingHandler" />
/// forwards the call, then answers a server error), so the write is sent again: a Put recognises the item it wrote
/// instead of reporting a duplicate key, and a non-idempotent ExecuteUpdate setter is applied once. Checked on the
/// raw items; with the SDK's own retries (which resend first) and without them (the provider's retry alone).
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class LostResponseTests(ResilienceFixture fixture) : IClassFixture<ResilienceFixture>
{
    private static readonly InjectedFault[] LostOrTransient =
    [
        InjectedFault.LostResponse,
        InjectedFault.LostResponse,
        InjectedFault.Throttling,
        InjectedFault.InternalServerError,
    ];

    private async Task<Dictionary<int, Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>>> RawParcelsAsync(string shard)
        => (await fixture.ScanRawAsync("Parcels"))
            .Where(item => item["Shard"].S == shard)
            .ToDictionary(item => int.Parse(item["Seq"].N, CultureInfo.InvariantCulture));

    private async Task SeedAsync(IEnumerable<Parcel> parcels)
    {
        await using var seeding = fixture.CreateContext();
        seeding.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        seeding.Parcels.AddRange(parcels);
        await seeding.SaveChangesAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public async Task A_save_under_Never_whose_Put_answers_are_lost_writes_each_item_once_and_reports_no_duplicate(int? sdkMaxErrorRetry)
    {
        var shard = FaultTestParcels.NewShard("lost");
        var parcels = FaultTestParcels.NewParcels(shard, 300);
        using var faults = new FaultInjectingHandler(0.3, seed: 31, LostOrTransient) { Targets = operation => operation == "PutItem" };
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, sdkMaxErrorRetry);
        await using var context = fixture.CreateContext(client, FaultTestParcels.PatientFastRetries, dynamoDb: d => d.MaxConcurrentWrites(32));
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Parcels.AddRange(parcels);

        Assert.Equal(300, await context.SaveChangesAsync());

        Assert.InRange(faults.Injected(InjectedFault.LostResponse), 10, int.MaxValue);
        Assert.All(context.ChangeTracker.Entries(), entry => Assert.Equal(EntityState.Unchanged, entry.State));
        var stored = await RawParcelsAsync(shard);
        Assert.Equal(parcels.Select(p => p.Seq).Order(), stored.Keys.Order());
        Assert.All(parcels, p => Assert.Equal((p.Weight.ToString(CultureInfo.InvariantCulture), p.Payload), (stored[p.Seq]["Weight"].N, stored[p.Seq]["Payload"].S)));
    }

    [Fact]
    public async Task A_single_save_whose_answer_is_lost_is_retried_by_the_execution_strategy_and_succeeds()
    {
        var shard = FaultTestParcels.NewShard("lost");
        using var faults = new FaultInjectingHandler().Fail("PutItem", 1, InjectedFault.LostResponse);
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FaultTestParcels.PatientFastRetries);
        var parcel = new Parcel { Shard = shard, Seq = 1, Payload = "once", Weight = 7 };
        context.Parcels.Add(parcel);

        Assert.Equal(1, await context.SaveChangesAsync());

        Assert.Equal(2, faults.Count("PutItem"));
        Assert.Equal(1, faults.Injected(InjectedFault.LostResponse));
        Assert.Equal(EntityState.Unchanged, context.Entry(parcel).State);
        Assert.Equal("once", Assert.Single(await RawParcelsAsync(shard)).Value["Payload"].S);
    }

    [Fact]
    public async Task A_new_item_whose_key_holds_a_different_item_is_still_a_duplicate_after_a_lost_answer()
    {
        var shard = FaultTestParcels.NewShard("lost");
        await SeedAsync([new Parcel { Shard = shard, Seq = 1, Payload = "stored", Weight = 1 }]);
        using var faults = new FaultInjectingHandler().Fail("PutItem", 1, InjectedFault.InternalServerError);
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FaultTestParcels.PatientFastRetries);
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        var duplicate = new Parcel { Shard = shard, Seq = 1, Payload = "impostor", Weight = 1 };
        context.Parcels.Add(duplicate);

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Same(duplicate, Assert.Single(exception.Entries).Entity);
        Assert.Equal(2, faults.Count("PutItem"));
        Assert.Equal("stored", Assert.Single(await RawParcelsAsync(shard)).Value["Payload"].S);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public async Task A_non_idempotent_ExecuteUpdate_whose_answers_are_lost_changes_each_item_once(int? sdkMaxErrorRetry)
    {
        var shard = FaultTestParcels.NewShard("lost");
        var parcels = FaultTestParcels.NewParcels(shard, 200);
        await SeedAsync(parcels);
        using var faults = new FaultInjectingHandler(0.3, seed: 32, LostOrTransient) { Targets = operation => operation == "UpdateItem" };
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, sdkMaxErrorRetry);
        await using var context = fixture.CreateContext(client, FaultTestParcels.PatientFastRetries);

        var changed = await context.Parcels.Where(p => p.Shard == shard).ExecuteUpdateAsync(s => s.SetProperty(p => p.Weight, p => p.Weight + 1));

        Assert.Equal(200, changed);
        Assert.InRange(faults.Injected(InjectedFault.LostResponse), 10, int.MaxValue);
        var stored = await RawParcelsAsync(shard);
        Assert.All(parcels, p => Assert.Equal((p.Weight + 1).ToString(CultureInfo.InvariantCulture), stored[p.Seq]["Weight"].N));
        Assert.All(stored.Values, item => Assert.True(item.ContainsKey(DynamoDbBulkWriteExecutor.WriteTokenAttribute)));
    }

    [Fact]
    public async Task A_non_idempotent_ExecuteUpdate_by_key_whose_answer_is_lost_changes_the_item_once()
    {
        var shard = FaultTestParcels.NewShard("lost");
        await SeedAsync([new Parcel { Shard = shard, Seq = 1, Payload = "p", Weight = 10 }]);
        using var faults = new FaultInjectingHandler().Fail("UpdateItem", 2, InjectedFault.LostResponse);
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FaultTestParcels.PatientFastRetries);

        var changed = await context.Parcels.Where(p => p.Shard == shard && p.Seq == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Weight, p => p.Weight + 5));

        Assert.Equal(1, changed);
        Assert.Equal(3, faults.Count("UpdateItem"));
        Assert.Equal("15", Assert.Single(await RawParcelsAsync(shard)).Value["Weight"].N);
    }

    [Fact]
    public async Task An_idempotent_ExecuteUpdate_carries_no_write_token()
    {
        var shard = FaultTestParcels.NewShard("lost");
        await SeedAsync(FaultTestParcels.NewParcels(shard, 3));
        using var faults = new FaultInjectingHandler().Fail("UpdateItem", 1, InjectedFault.LostResponse);
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FaultTestParcels.PatientFastRetries);

        var changed = await context.Parcels.Where(p => p.Shard == shard).ExecuteUpdateAsync(s => s.SetProperty(p => p.Payload, "same"));

        Assert.Equal(3, changed);
        Assert.Equal(4, faults.Count("UpdateItem"));
        Assert.All((await RawParcelsAsync(shard)).Values, item =>
        {
            Assert.Equal("same", item["Payload"].S);
            Assert.False(item.ContainsKey(DynamoDbBulkWriteExecutor.WriteTokenAttribute));
        });
    }
}
