using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.FunctionalTests.Resilience;

/// <summary>
/// Large saves and bulk updates against DynamoDB Local while a <see cref="FaultInjectingHandler" /> throttles, fails
/// with server errors and cancels transactions with conflicts for a good part of the calls: afterwards every item is
/// stored exactly once with the right values, checked with the raw client. Each test writes a shard of its own.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class WritesUnderFaultsTests(ResilienceFixture fixture) : IClassFixture<ResilienceFixture>
{
    private static readonly InjectedFault[] TransientFaults =
    [
        InjectedFault.Throttling,
        InjectedFault.ProvisionedThroughputExceeded,
        InjectedFault.RequestLimitExceeded,
        InjectedFault.InternalServerError,
    ];

    private static readonly InjectedFault[] TransactionFaults =
    [
        InjectedFault.InternalServerError,
        InjectedFault.ProvisionedThroughputExceeded,
        InjectedFault.TransactionConflict,
    ];

    // The shard's items in the table, as "seq → weight/payload"; a key stored twice would fail the dictionary.
    private async Task<Dictionary<int, string>> RawParcelsAsync(string shard)
        => (await fixture.ScanRawAsync("Parcels"))
            .Where(item => item["Shard"].S == shard)
            .ToDictionary(item => int.Parse(item["Seq"].N, CultureInfo.InvariantCulture), item => item["Weight"].N + "/" + item["Payload"].S);

    private static Dictionary<int, string> Expected(IEnumerable<Parcel> parcels)
        => parcels.ToDictionary(p => p.Seq, p => p.Weight.ToString(CultureInfo.InvariantCulture) + "/" + p.Payload);

    // One save (a TransactWriteItems under the default WhenNeeded) of ten parcels after the other, each in a new context.
    private async Task SaveTenAtATimeAsync(IAmazonDynamoDB client, IEnumerable<Parcel> parcels)
    {
        foreach (var save in parcels.Chunk(10))
        {
            await using var context = fixture.CreateContext(client, FaultTestParcels.PatientFastRetries);
            context.Parcels.AddRange(save);

            Assert.Equal(10, await context.SaveChangesAsync());

            Assert.All(context.ChangeTracker.Entries(), entry => Assert.Equal(EntityState.Unchanged, entry.State));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public async Task A_5000_entity_save_under_Never_writes_each_once_when_a_fifth_of_the_PutItem_calls_fail(int? sdkMaxErrorRetry)
    {
        var shard = FaultTestParcels.NewShard("faults");
        var parcels = FaultTestParcels.NewParcels(shard, 5000);
        using var faults = new FaultInjectingHandler(0.2, seed: 11, TransientFaults) { Targets = operation => operation == "PutItem" };

        // With the SDK's retries on they come first, and the provider's per-request retry takes what they leave; at 0
        // the provider's retry is all there is. The SDK waits up to a second before its retries: more writes in flight
        // keep the save short.
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, sdkMaxErrorRetry);
        await using var context = fixture.CreateContext(client, FaultTestParcels.PatientFastRetries, dynamoDb: d => d.MaxConcurrentWrites(100));
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Parcels.AddRange(parcels);

        Assert.Equal(5000, await context.SaveChangesAsync());

        Assert.All(TransientFaults, fault => Assert.InRange(faults.Injected(fault), 1, int.MaxValue));
        Assert.All(context.ChangeTracker.Entries(), entry => Assert.Equal(EntityState.Unchanged, entry.State));
        Assert.Equal(Expected(parcels), await RawParcelsAsync(shard));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public async Task Twenty_transactional_saves_write_each_entity_once_when_TransactWriteItems_calls_fail(int? sdkMaxErrorRetry)
    {
        var shard = FaultTestParcels.NewShard("faults");
        var parcels = FaultTestParcels.NewParcels(shard, 200);
        using var faults = new FaultInjectingHandler(0.4, seed: 12, TransactionFaults) { Targets = operation => operation == "TransactWriteItems" };
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, sdkMaxErrorRetry);

        await SaveTenAtATimeAsync(client, parcels);

        Assert.All(TransactionFaults, fault => Assert.InRange(faults.Injected(fault), 1, int.MaxValue));
        Assert.Equal(Expected(parcels), await RawParcelsAsync(shard));
    }

    [Fact]
    public async Task A_transaction_sent_again_after_a_server_error_or_throttling_carries_the_same_ClientRequestToken()
    {
        var shard = FaultTestParcels.NewShard("faults");
        using var faults = new FaultInjectingHandler(0.4, seed: 13, TransactionFaults) { Targets = operation => operation == "TransactWriteItems" };
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);

        await SaveTenAtATimeAsync(client, FaultTestParcels.NewParcels(shard, 200));

        // The saves ran one after the other: an attempt that got a fault is followed by the same save's next attempt.
        // A cancelled transaction is a definite answer (nothing written), so after a conflict a new token is allowed.
        var retries = faults.Requests.Zip(faults.Requests.Skip(1))
            .Where(pair => pair.First.Fault is { } fault && fault != InjectedFault.TransactionConflict)
            .ToList();
        Assert.InRange(retries.Count, 1, int.MaxValue);
        Assert.All(retries, pair => Assert.Equal(pair.First.ClientRequestToken, pair.Second.ClientRequestToken));
        Assert.All(faults.Requests, request => Assert.NotNull(request.ClientRequestToken));
    }

    [Fact]
    public async Task An_injected_TransactionConflict_reaches_the_application_as_a_cancellation_with_one_reason_per_action()
    {
        var shard = FaultTestParcels.NewShard("faults");
        using var faults = new FaultInjectingHandler().Fail("TransactWriteItems", 1, InjectedFault.TransactionConflict);
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        var puts = Enumerable.Range(1, 3)
            .Select(seq => new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = fixture.TableName("Parcels"),
                    Item = new Dictionary<string, AttributeValue> { ["Shard"] = Attr.S(shard), ["Seq"] = Attr.N(seq) },
                },
            })
            .ToList();

        var exception = await Assert.ThrowsAsync<TransactionCanceledException>(
            () => client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = puts }));

        Assert.Equal(["TransactionConflict", "None", "None"], exception.CancellationReasons.Select(r => r.Code));
        Assert.Empty(await RawParcelsAsync(shard));
    }

    [Fact]
    public async Task ExecuteUpdate_over_200_items_changes_each_once_when_a_fifth_of_the_calls_fail()
    {
        var shard = FaultTestParcels.NewShard("faults");
        var parcels = FaultTestParcels.NewParcels(shard, 200);
        await using (var seeding = fixture.CreateContext())
        {
            seeding.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            seeding.Parcels.AddRange(parcels);
            await seeding.SaveChangesAsync();
        }

        // The reads of the keys get faults too; without the SDK's retries, the provider retries each request.
        using var faults = new FaultInjectingHandler(0.2, seed: 14, TransientFaults);
        using var client = faults.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FaultTestParcels.PatientFastRetries);

        var changed = await context.Parcels.Where(p => p.Shard == shard).ExecuteUpdateAsync(s => s.SetProperty(p => p.Weight, p => p.Weight + 1));

        Assert.Equal(200, changed);
        Assert.InRange(faults.Injected(InjectedFault.InternalServerError), 1, int.MaxValue);
        Assert.InRange(faults.InjectedTotal, 20, int.MaxValue);
        foreach (var parcel in parcels)
        {
            parcel.Weight++;
        }

        Assert.Equal(Expected(parcels), await RawParcelsAsync(shard));
    }
}
