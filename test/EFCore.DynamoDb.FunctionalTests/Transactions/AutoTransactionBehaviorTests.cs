using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>
/// How a save of many entities is sent under each <c>AutoTransactionBehavior</c>: one TransactWriteItems (WhenNeeded,
/// Always), refused before sending when it cannot be one transaction, or one conditional request per entity (Never),
/// where the written entities are saved even when others fail.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class AutoTransactionBehaviorTests(TransactionsFixture fixture) : IClassFixture<TransactionsFixture>
{
    private static List<Parcel> NewParcels(string prefix, int count, string? notes = null)
        => Enumerable.Range(0, count)
            .Select(i => new Parcel { Id = prefix + i.ToString("D4"), Label = "label-" + i, Weight = i, Score = i / 4.0, Notes = notes })
            .ToList();

    [Theory]
    [InlineData(AutoTransactionBehavior.WhenNeeded)]
    [InlineData(AutoTransactionBehavior.Always)]
    public async Task Fifty_entities_are_one_TransactWriteItems_with_a_ClientRequestToken(AutoTransactionBehavior behavior)
    {
        var prefix = $"fifty-{behavior}-";
        var log = new RequestLog();
        await using (var context = fixture.CreateLoggedContext(log))
        {
            context.Database.AutoTransactionBehavior = behavior;
            context.Parcels.AddRange(NewParcels(prefix, 50));

            Assert.Equal(50, await context.SaveChangesAsync());
        }

        var request = Assert.Single(log.Requests);
        Assert.Equal("TransactWriteItems", request.Operation);
        var details = request.Details();
        Assert.Matches("^[0-9a-f]{32}$", details.String("ClientRequestToken"));
        Assert.Equal(50, details.GetProperty("TransactItems").GetArrayLength());
        Assert.Equal(50, (await fixture.RawParcelsAsync(prefix)).Count);
    }

    [Fact]
    public async Task Fifty_entities_under_Never_are_fifty_PutItem_requests()
    {
        const string prefix = "fifty-never-";
        var log = new RequestLog();
        await using (var context = fixture.CreateLoggedContext(log))
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            context.Parcels.AddRange(NewParcels(prefix, 50));

            Assert.Equal(50, await context.SaveChangesAsync());
        }

        Assert.Equal(Enumerable.Repeat("PutItem", 50), log.Operations);
        Assert.Equal(50, (await fixture.RawParcelsAsync(prefix)).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(3)]
    public async Task A_thousand_entities_under_Never_are_each_written_once_with_their_values(int? maxConcurrentWrites)
    {
        var prefix = $"thousand-{maxConcurrentWrites}-";
        var parcels = NewParcels(prefix, 1000);
        var log = new RequestLog();
        await using var context = fixture.CreateLoggedContext(log, maxConcurrentWrites is { } max ? d => d.MaxConcurrentWrites(max) : null);
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Parcels.AddRange(parcels);

        Assert.Equal(1000, await context.SaveChangesAsync());

        Assert.Equal(Enumerable.Repeat("PutItem", 1000), log.Operations);
        Assert.Equal(1000, AttemptLog.Of(context).Count);
        var items = await fixture.RawParcelsAsync(prefix);
        Assert.Equal(parcels.Select(p => p.Id).Order(StringComparer.Ordinal), items.Select(i => i["Id"].S).Order(StringComparer.Ordinal));
        Assert.All(items, item =>
        {
            var number = int.Parse(item["Id"].S[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("label-" + number, item["Label"].S);
            Assert.Equal(number, int.Parse(item["Weight"].N, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(number / 4.0, double.Parse(item["Score"].N, System.Globalization.CultureInfo.InvariantCulture));
        });
        Assert.All(parcels, p => Assert.Equal(EntityState.Unchanged, context.Entry(p).State));
    }

    [Fact]
    public async Task Failed_writes_under_Never_throw_naming_exactly_the_failed_entities_and_the_others_are_saved()
    {
        const string prefix = "never-fail-";
        await fixture.PutRawParcelAsync(prefix + "0003", "stored");
        await fixture.PutRawParcelAsync(prefix + "0007", "stored");
        await fixture.PutRawParcelAsync(prefix + "gone", "stored");
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        var gone = await context.Parcels.SingleAsync(p => p.Id == prefix + "gone");
        await fixture.RawClient.DeleteItemAsync(fixture.TableName("Parcels"), new() { ["Id"] = Attr.S(prefix + "gone") });
        gone.Label = "changed";
        var added = NewParcels(prefix, 10);
        context.Parcels.AddRange(added);
        var duplicates = new[] { added[3], added[7] };

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.IsNotType<DbUpdateConcurrencyException>(exception);
        Assert.Equal(
            new object[] { added[3], added[7], gone }.OrderBy(e => ((Parcel)e).Id),
            exception.Entries.Select(e => e.Entity).OrderBy(e => ((Parcel)e).Id));
        var table = fixture.TableName("Parcels");
        Assert.Contains(DynamoDbStrings.DuplicateKey("Parcel", $"{{Id: '{prefix}0003'}}", table), exception.Message);
        Assert.Contains(DynamoDbStrings.DuplicateKey("Parcel", $"{{Id: '{prefix}0007'}}", table), exception.Message);
        Assert.Contains(DynamoDbStrings.ItemMissing("Parcel", $"{{Id: '{prefix}gone'}}", table, "update"), exception.Message);
        Assert.EndsWith(DynamoDbStrings.IndependentWritesOutcome(8), exception.Message);
        Assert.Equal(11, AttemptLog.Of(context).Count);
        foreach (var written in added.Except(duplicates))
        {
            Assert.Equal(EntityState.Unchanged, context.Entry(written).State);
            Assert.Equal(written.Label, (await fixture.RawParcelAsync(written.Id))!["Label"].S);
        }

        Assert.All(duplicates, d => Assert.Equal(EntityState.Added, context.Entry(d).State));
        Assert.Equal(EntityState.Modified, context.Entry(gone).State);
        Assert.Equal("stored", (await fixture.RawParcelAsync(prefix + "0003"))!["Label"].S);
        Assert.Null(await fixture.RawParcelAsync(prefix + "gone"));
    }

    [Fact]
    public async Task After_failed_writes_under_Never_saving_again_writes_only_the_failed_entities()
    {
        const string prefix = "never-retry-";
        await fixture.PutRawParcelAsync(prefix + "0003", "stored");
        await fixture.PutRawParcelAsync(prefix + "0007", "stored");
        await fixture.PutRawParcelAsync(prefix + "gone", "stored");
        var log = new RequestLog();
        await using var context = fixture.CreateLoggedContext(log);
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        var gone = await context.Parcels.SingleAsync(p => p.Id == prefix + "gone");
        await fixture.RawClient.DeleteItemAsync(fixture.TableName("Parcels"), new() { ["Id"] = Attr.S(prefix + "gone") });
        gone.Label = "changed";
        context.Parcels.AddRange(NewParcels(prefix, 10));
        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        // The application fixes the causes: the conflicting items are removed, the deleted one restored.
        await fixture.RawClient.DeleteItemAsync(fixture.TableName("Parcels"), new() { ["Id"] = Attr.S(prefix + "0003") });
        await fixture.RawClient.DeleteItemAsync(fixture.TableName("Parcels"), new() { ["Id"] = Attr.S(prefix + "0007") });
        await fixture.PutRawParcelAsync(prefix + "gone", "restored");
        log.Clear();

        Assert.Equal(3, await context.SaveChangesAsync());

        Assert.Equal(["PutItem", "PutItem", "UpdateItem"], log.Operations.Order(StringComparer.Ordinal));
        Assert.Equal(
            [prefix + "0003", prefix + "0007", prefix + "gone"],
            log.Requests.Select(r => r.Details()).Select(d => (d.TryGetProperty("Item", out var item) ? item : d.GetProperty("Key")).GetProperty("Id").GetProperty("S").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("label-3", (await fixture.RawParcelAsync(prefix + "0003"))!["Label"].S);
        Assert.Equal("changed", (await fixture.RawParcelAsync(prefix + "gone"))!["Label"].S);
        Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
    }

    [Theory]
    [InlineData(AutoTransactionBehavior.WhenNeeded)]
    [InlineData(AutoTransactionBehavior.Always)]
    public async Task More_than_100_entities_in_one_transaction_throw_before_anything_is_sent(AutoTransactionBehavior behavior)
    {
        var prefix = $"over100-{behavior}-";
        var log = new RequestLog();
        await using var context = fixture.CreateLoggedContext(log);
        context.Database.AutoTransactionBehavior = behavior;
        context.Parcels.AddRange(NewParcels(prefix, 101));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.TooManyEntriesForTransaction(101, 100), exception.Message);
        Assert.Empty(AttemptLog.Of(context));
        Assert.Empty(log.Requests);
        Assert.Empty(await fixture.RawParcelsAsync(prefix));
    }

    [Theory]
    [InlineData(AutoTransactionBehavior.WhenNeeded)]
    [InlineData(AutoTransactionBehavior.Always)]
    public async Task A_transaction_over_4_MB_throws_before_anything_is_sent(AutoTransactionBehavior behavior)
    {
        var prefix = $"over4mb-{behavior}-";
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Database.AutoTransactionBehavior = behavior;
        context.Parcels.AddRange(NewParcels(prefix, 20, notes: new string('n', 300_000)));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.StartsWith("SaveChanges would write 20 items of about 6", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at most 4194304 bytes (4 MB)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AutoTransactionBehavior.Never", exception.Message, StringComparison.Ordinal);
        Assert.Empty(AttemptLog.Of(context));
        Assert.Empty(await fixture.RawParcelsAsync(prefix));
    }

    [Fact]
    public async Task A_save_over_4_MB_succeeds_under_Never()
    {
        const string prefix = "over4mb-never-";
        var log = new RequestLog();
        await using (var context = fixture.CreateLoggedContext(log))
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            context.Parcels.AddRange(NewParcels(prefix, 20, notes: new string('n', 300_000)));

            Assert.Equal(20, await context.SaveChangesAsync());
        }

        Assert.Equal(Enumerable.Repeat("PutItem", 20), log.Operations);
        var items = await fixture.RawParcelsAsync(prefix);
        Assert.Equal(20, items.Count);
        Assert.All(items, item => Assert.Equal(300_000, item["Notes"].S.Length));
    }
}
